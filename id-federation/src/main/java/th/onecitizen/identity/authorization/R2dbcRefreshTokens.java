package th.onecitizen.identity.authorization;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import th.onecitizen.identity.token.TokenIds;

/**
 * Refresh tokens in PostgreSQL: only their hashes, one row per token, grouped in families. Rotation marks the
 * presented token used and issues the next; presenting a used token revokes the whole family (RFC 9700 s4.14.2).
 */
public final class R2dbcRefreshTokens {

    /** The outcome of presenting a refresh token. */
    public sealed interface Rotation {
        /** Rotated: the new token and its grant. */
        record Rotated(String token, RefreshGrant grant) implements Rotation {
        }

        /** A used token was replayed: the family is now revoked. */
        record Reused(String familyId) implements Rotation {
        }

        /** Unknown, revoked, expired or another client's token. */
        record Refused() implements Rotation {
        }
    }

    private final DatabaseClient db;
    private final Clock clock;

    public R2dbcRefreshTokens(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Starts a family with its first token. */
    public Mono<String> issue(RefreshGrant grant) {
        String token = TokenIds.random();
        return insert(token, grant).thenReturn(token);
    }

    /**
     * Rotates a presented token in one statement, so a refresh costs one round trip: the presented row is locked,
     * marked used and its successor inserted atomically. A concurrent second presentation waits for the lock, then
     * sees the token used and is treated as a replay.
     */
    public Mono<Rotation> rotate(String token, String clientId) {
        if (token == null || token.length() > 256) {
            return Mono.just(new Rotation.Refused());
        }
        String next = TokenIds.random();
        return db.sql(ROTATE)
                .bind("h", RedisAuthorizationStore.hash(token))
                .bind("n", RedisAuthorizationStore.hash(next))
                .bind("c", clientId)
                .map(r -> {
                    if (Boolean.TRUE.equals(r.get("rotated", Boolean.class))) {
                        return (Rotation) new Rotation.Rotated(next, grant(r));
                    }
                    boolean usable = clientId.equals(r.get("client_id", String.class))
                            && !Boolean.TRUE.equals(r.get("revoked", Boolean.class))
                            && r.get("family_expires_at", OffsetDateTime.class).toInstant().isAfter(clock.instant());
                    return usable && Boolean.TRUE.equals(r.get("was_used", Boolean.class))
                            ? new Rotation.Reused(r.get("family_id", String.class)) : new Rotation.Refused();
                })
                .one()
                .flatMap(rotation -> rotation instanceof Rotation.Reused reused
                        ? revokeFamily(reused.familyId()).thenReturn(rotation) : Mono.just(rotation))
                .defaultIfEmpty(new Rotation.Refused());
    }

    /** Lock the presented token; if usable, mark it used and insert its successor; report what happened. */
    private static final String ROTATE = """
            WITH presented AS (
                SELECT * FROM identity.refresh_tokens WHERE token_hash = :h FOR UPDATE
            ), used AS (
                UPDATE identity.refresh_tokens t SET used_at = now() FROM presented p
                WHERE t.token_hash = p.token_hash AND p.used_at IS NULL AND NOT p.revoked
                  AND p.client_id = :c AND p.family_expires_at > now()
                RETURNING t.token_hash
            ), successor AS (
                INSERT INTO identity.refresh_tokens (token_hash, family_id, client_id, citizen_id, scopes, acr, amr,
                    auth_time, idp, jkt, family_expires_at)
                SELECT :n, p.family_id, p.client_id, p.citizen_id, p.scopes, p.acr, p.amr, p.auth_time, p.idp,
                    p.jkt, p.family_expires_at
                FROM presented p JOIN used u ON u.token_hash = p.token_hash
                RETURNING token_hash
            )
            SELECT p.*, p.used_at IS NOT NULL AS was_used, EXISTS (SELECT 1 FROM successor) AS rotated
            FROM presented p
            """;

    /** The grant of a token, for revocation. */
    public Mono<RefreshGrant> find(String token) {
        if (token == null || token.length() > 256) {
            return Mono.empty();
        }
        return db.sql("SELECT * FROM identity.refresh_tokens WHERE token_hash = :h")
                .bind("h", RedisAuthorizationStore.hash(token)).map(R2dbcRefreshTokens::grant).one();
    }

    /** Revokes every token of a family. */
    public Mono<Void> revokeFamily(String familyId) {
        return db.sql("UPDATE identity.refresh_tokens SET revoked = TRUE WHERE family_id = :f")
                .bind("f", familyId).then();
    }

    /** The live families of a citizen at a client (for logout). */
    public Mono<List<String>> families(String citizenId, String clientId) {
        return db.sql("SELECT DISTINCT family_id FROM identity.refresh_tokens WHERE citizen_id = :c "
                + "AND client_id = :k AND NOT revoked").bind("c", citizenId).bind("k", clientId)
                .map(r -> r.get("family_id", String.class)).all().collectList();
    }

    private Mono<Void> insert(String token, RefreshGrant g) {
        var spec = db.sql("""
                INSERT INTO identity.refresh_tokens (token_hash, family_id, client_id, citizen_id, scopes, acr, amr,
                    auth_time, idp, jkt, family_expires_at)
                VALUES (:h, :f, :c, :z, :s, :acr, :amr, :at, :idp, :jkt, :exp)
                """).bind("h", RedisAuthorizationStore.hash(token)).bind("f", g.familyId()).bind("c", g.clientId())
                .bind("z", g.citizenId()).bind("s", String.join(" ", g.scopes())).bind("acr", g.acr())
                .bind("amr", String.join(" ", g.amr())).bind("at", g.authTime().atOffset(ZoneOffset.UTC))
                .bind("idp", g.idp()).bind("exp", g.familyExpiresAt().atOffset(ZoneOffset.UTC));
        spec = g.jkt() == null ? spec.bindNull("jkt", String.class) : spec.bind("jkt", g.jkt());
        return spec.then();
    }

    private static RefreshGrant grant(Readable r) {
        String scopes = r.get("scopes", String.class);
        String amr = r.get("amr", String.class);
        return new RefreshGrant(r.get("family_id", String.class), r.get("client_id", String.class),
                r.get("citizen_id", String.class),
                scopes.isBlank() ? java.util.Set.of() : new LinkedHashSet<>(Arrays.asList(scopes.split(" "))),
                r.get("acr", String.class), amr.isBlank() ? List.of() : Arrays.asList(amr.split(" ")),
                r.get("auth_time", OffsetDateTime.class).toInstant(), r.get("idp", String.class),
                r.get("jkt", String.class), r.get("family_expires_at", OffsetDateTime.class).toInstant());
    }

}
