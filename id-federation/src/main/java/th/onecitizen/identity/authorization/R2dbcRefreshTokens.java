package th.onecitizen.identity.authorization;

import io.r2dbc.spi.Readable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import th.onecitizen.identity.key.KeyMaterial;

/**
 * Refresh tokens in PostgreSQL: one row per family (one login at one client) holding the grant and a generation
 * counter. A token is {@code rt1.<familyId>.<generation>.<mac>}, the MAC being HMAC-SHA256 under the refresh-token
 * key, so a forged, altered or foreign token is refused before any database access and the database holds nothing
 * that mints tokens. Rotation moves the family to the next generation; presenting a token of an older generation
 * revokes the whole family (RFC 9700 s4.14.2).
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

    private static final String PREFIX = "rt1.";
    private static final int MAX_LENGTH = 256;
    private static final Rotation REFUSED = new Rotation.Refused();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** Read by index in this order (after the family id, which the token names). */
    private static final String GRANT =
            "client_id, citizen_id, scopes, acr, amr, auth_time, idp, jkt, family_expires_at";

    /**
     * The common case in one statement: the presented generation is the family's current one, so it moves on. The
     * row lock serialises concurrent presentations of one token: the second re-checks the generation after the
     * first has moved it and matches nothing.
     */
    private static final String ROTATE = "UPDATE identity.refresh_families SET generation = generation + 1, "
            + "rotated_at = now() WHERE family_id = $1 AND generation = $2 AND client_id = $3 AND NOT revoked "
            + "AND family_expires_at > now() RETURNING " + GRANT;

    /**
     * When {@link #ROTATE} matched nothing: a live family of this client past the presented generation means that
     * token was used already, so the family is revoked. Reading the family and revoking it is one statement, so a
     * replay costs one more round trip, not two.
     */
    private static final String REVOKE_REPLAYED = "UPDATE identity.refresh_families SET revoked = TRUE "
            + "WHERE family_id = $1 AND generation > $2 AND client_id = $3 AND NOT revoked "
            + "AND family_expires_at > now()";

    private final DatabaseClient db;
    /** A Mac per thread: spares the refresh path a provider look-up and key set-up per token. */
    private final ThreadLocal<Mac> macs;

    /**
     * @param keyMaterial base64url key material of at least 32 bytes (reduced to 256 bits by SHA-256)
     */
    public R2dbcRefreshTokens(DatabaseClient db, String keyMaterial) {
        this.db = db;
        SecretKeySpec key = new SecretKeySpec(KeyMaterial.derive(keyMaterial, "refresh-token", "Refresh-token key"),
                "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Starts a family at generation 0 and returns its first token. */
    public Mono<String> issue(RefreshGrant g) {
        String token = token(g.familyId(), 0);
        var spec = db.sql("INSERT INTO identity.refresh_families (family_id, " + GRANT + ") "
                + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
                .bind(0, g.familyId()).bind(1, g.clientId()).bind(2, g.citizenId())
                .bind(3, String.join(" ", g.scopes())).bind(4, g.acr()).bind(5, String.join(" ", g.amr()))
                .bind(6, g.authTime().atOffset(ZoneOffset.UTC)).bind(7, g.idp());
        spec = g.jkt() == null ? spec.bindNull(8, String.class) : spec.bind(8, g.jkt());
        return spec.bind(9, g.familyExpiresAt().atOffset(ZoneOffset.UTC)).then().thenReturn(token);
    }

    /**
     * Rotates a presented token: one statement when it is the family's current one; one more when it is not, to
     * tell a replay (which revokes the family) from a dead family. A concurrent second presentation of the same
     * token waits for the first's row lock, then sees the generation moved and is treated as a replay.
     */
    public Mono<Rotation> rotate(String token, String clientId) {
        Presented p = verify(token);
        if (p == null) {
            return Mono.just(REFUSED);
        }
        return db.sql(ROTATE).bind(0, p.familyId()).bind(1, p.generation()).bind(2, clientId)
                .map(r -> (Rotation) new Rotation.Rotated(token(p.familyId(), p.generation() + 1),
                        grant(p.familyId(), r)))
                .one()
                .switchIfEmpty(Mono.defer(() -> db.sql(REVOKE_REPLAYED).bind(0, p.familyId())
                        .bind(1, p.generation()).bind(2, clientId).fetch().rowsUpdated()
                        .map(revoked -> revoked > 0 ? new Rotation.Reused(p.familyId()) : REFUSED)));
    }

    /** The grant of a token of any generation of its family, for revocation (RFC 7009). */
    public Mono<RefreshGrant> find(String token) {
        Presented p = verify(token);
        if (p == null) {
            return Mono.empty();
        }
        return db.sql("SELECT " + GRANT + " FROM identity.refresh_families WHERE family_id = $1")
                .bind(0, p.familyId()).map(r -> grant(p.familyId(), r)).one();
    }

    /** Revokes a family: none of its tokens rotates any more. */
    public Mono<Void> revokeFamily(String familyId) {
        return db.sql("UPDATE identity.refresh_families SET revoked = TRUE WHERE family_id = $1")
                .bind(0, familyId).then();
    }

    /** The live families of a citizen at a client (for logout). */
    public Mono<List<String>> families(String citizenId, String clientId) {
        return db.sql("SELECT family_id FROM identity.refresh_families WHERE citizen_id = $1 AND client_id = $2 "
                + "AND NOT revoked").bind(0, citizenId).bind(1, clientId)
                .map(r -> r.get(0, String.class)).all().collectList();
    }

    /** A token's family and generation, once its MAC is verified. */
    private record Presented(String familyId, long generation) {
    }

    /** The token's family and generation if it is well formed and carries our MAC; null otherwise. */
    private Presented verify(String token) {
        if (token == null || token.length() > MAX_LENGTH || !token.startsWith(PREFIX)) {
            return null;
        }
        int macAt = token.lastIndexOf('.');
        int generationAt = token.lastIndexOf('.', macAt - 1);
        if (generationAt <= PREFIX.length() || macAt <= generationAt + 1) {
            return null;
        }
        byte[] expected = mac(token.substring(0, macAt));
        if (!MessageDigest.isEqual(expected, token.substring(macAt + 1).getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        // only tokens we minted get here, so the generation is a canonical non-negative number
        return new Presented(token.substring(PREFIX.length(), generationAt),
                Long.parseLong(token, generationAt + 1, macAt, 10));
    }

    private String token(String familyId, long generation) {
        String signed = PREFIX + familyId + "." + generation;
        return signed + "." + new String(mac(signed), StandardCharsets.US_ASCII);
    }

    /** The base64url (unpadded) HMAC of the signed part, as ASCII bytes. */
    private byte[] mac(String signed) {
        return BASE64URL.encode(macs.get().doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    /** The grant from the columns of {@link #GRANT}, in order. */
    private static RefreshGrant grant(String familyId, Readable r) {
        String scopes = r.get(2, String.class);
        String amr = r.get(4, String.class);
        return new RefreshGrant(familyId, r.get(0, String.class), r.get(1, String.class),
                scopes.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(scopes.split(" "))),
                r.get(3, String.class), amr.isBlank() ? List.of() : Arrays.asList(amr.split(" ")),
                r.get(5, OffsetDateTime.class).toInstant(), r.get(6, String.class), r.get(7, String.class),
                r.get(8, OffsetDateTime.class).toInstant());
    }

}
