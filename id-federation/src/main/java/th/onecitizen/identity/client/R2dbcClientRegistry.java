package th.onecitizen.identity.client;

import io.r2dbc.spi.Readable;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Client registrations in PostgreSQL ({@code identity.clients}). */
public final class R2dbcClientRegistry implements ClientRegistry {

    private final DatabaseClient db;

    public R2dbcClientRegistry(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<RegisteredClient> find(String clientId) {
        // PostgreSQL refuses NUL in text: such an id is simply unknown, never a database error
        if (clientId == null || clientId.length() > 200 || !clientId.matches("[\\x21-\\x7e]+")) {
            return Mono.empty();
        }
        return db.sql("SELECT * FROM identity.clients WHERE client_id = :id").bind("id", clientId)
                .map(R2dbcClientRegistry::client).one();
    }

    @Override
    public Mono<Void> save(RegisteredClient c) {
        var spec = db.sql("""
                INSERT INTO identity.clients (client_id, name, auth_method, secret_hash, jwks, redirect_uris,
                    post_logout_redirect_uris, grant_types, scopes, native_app, agency_id)
                VALUES (:id, :name, :auth, :secret, :jwks, :redirects, :logouts, :grants, :scopes, :native, :agency)
                ON CONFLICT (client_id) DO UPDATE SET name = EXCLUDED.name, auth_method = EXCLUDED.auth_method,
                    secret_hash = EXCLUDED.secret_hash, jwks = EXCLUDED.jwks, redirect_uris = EXCLUDED.redirect_uris,
                    post_logout_redirect_uris = EXCLUDED.post_logout_redirect_uris,
                    grant_types = EXCLUDED.grant_types, scopes = EXCLUDED.scopes, native_app = EXCLUDED.native_app,
                    agency_id = EXCLUDED.agency_id, updated_at = now()
                """)
                .bind("id", c.clientId()).bind("name", c.name() == null ? c.clientId() : c.name())
                .bind("auth", c.authMethod())
                .bind("redirects", c.redirectUris().toArray(String[]::new))
                .bind("logouts", c.postLogoutRedirectUris().toArray(String[]::new))
                .bind("grants", c.grantTypes().toArray(String[]::new))
                .bind("scopes", c.scopes().toArray(String[]::new))
                .bind("native", c.nativeApp());
        spec = c.secretHash() == null ? spec.bindNull("secret", String.class) : spec.bind("secret", c.secretHash());
        spec = c.jwks() == null ? spec.bindNull("jwks", String.class) : spec.bind("jwks", c.jwks());
        spec = c.agencyId() == null ? spec.bindNull("agency", String.class) : spec.bind("agency", c.agencyId());
        return spec.then();
    }

    private static RegisteredClient client(Readable row) {
        return new RegisteredClient(row.get("client_id", String.class), row.get("name", String.class),
                row.get("auth_method", String.class), row.get("secret_hash", String.class),
                row.get("jwks", String.class), list(row, "redirect_uris"), list(row, "post_logout_redirect_uris"),
                Set.copyOf(list(row, "grant_types")), Set.copyOf(list(row, "scopes")),
                Boolean.TRUE.equals(row.get("native_app", Boolean.class)), row.get("agency_id", String.class));
    }

    private static List<String> list(Readable row, String column) {
        String[] values = row.get(column, String[].class);
        return values == null ? List.of() : Arrays.asList(values);
    }
}
