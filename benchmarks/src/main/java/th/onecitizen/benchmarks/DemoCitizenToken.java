package th.onecitizen.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;
import th.onecitizen.identity.key.SigningKeys;
import th.onecitizen.identity.token.AccessTokenIssuer;
import th.onecitizen.identity.token.AccessTokenRequest;

/**
 * Prints a citizen access token (IAL 2.3 / AAL 2.2, one hour) that the demo jar on {@code port} accepts, signed with
 * the demo profile's DEMO-ONLY key from {@code bff/src/main/resources/config/identity.yml}: HTTP load scenarios
 * need a signed-in citizen without driving a login per run. Demo only: production keys never live in that file.
 * Usage: {@code java -cp benchmarks.jar th.onecitizen.benchmarks.DemoCitizenToken <port> [sub]}.
 */
public final class DemoCitizenToken {

    private DemoCitizenToken() {
    }

    public static void main(String[] args) throws IOException {
        String issuer = "http://127.0.0.1:" + args[0];
        String sub = args.length > 1 ? args[1] : "bench-citizen";
        String keys = null;
        try (InputStream in = Files.newInputStream(Path.of("bff/src/main/resources/config/identity.yml"))) {
            for (Object doc : new Yaml().loadAll(in)) {
                Map<?, ?> root = (Map<?, ?>) doc;
                Object identity = ((Map<?, ?>) ((Map<?, ?>) root.get("onecitizen")).get("identity"));
                if (root.containsKey("spring") && identity instanceof Map<?, ?> m && m.get("signing-keys") != null) {
                    keys = m.get("signing-keys").toString();
                }
            }
        }
        if (keys == null || !keys.contains("DEMO-ONLY")) {
            throw new IllegalStateException("No demo signing key in identity.yml");
        }
        AccessTokenIssuer tokens = new AccessTokenIssuer(SigningKeys.fromJwkSet(keys), issuer, issuer + "/v1",
                Duration.ofHours(1), Clock.systemUTC());
        System.out.println(tokens.issue(new AccessTokenRequest(sub, "superapp", Set.of("openid", "profile"),
                "urn:th:ial:2.3:aal:2.2", List.of("pwd"), Instant.now(), "thaid", null, null, null)).value());
    }
}
