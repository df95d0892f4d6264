package th.onecitizen.bff.support;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import th.onecitizen.identity.token.AccessTokenIssuer;
import th.onecitizen.identity.token.AccessTokenRequest;

/**
 * Real OneCitizen access tokens for application tests, signed by the application's own issuer (the demo key), so
 * that a test authenticates exactly as the app or an agency would. In an {@link ApplicationTest}:
 *
 * <pre>{@code
 * @Autowired TestTokens tokens;
 * client.get().uri("/v1/me").headers(h -> h.setBearerAuth(tokens.citizen("c-123", TestTokens.IAL_2_3)))...
 * client.get().uri("/agency/v1/services").headers(h -> h.setBearerAuth(tokens.agency("agency-demo", "doe")))...
 * client.get().uri("/admin/v1/breaches").headers(h -> h.setBearerAuth(tokens.dpo()))...
 * }</pre>
 *
 * {@code citizen(sub, acr)} gives a citizen token (principal {@code CitizenPrincipal}, {@code ROLE_CITIZEN});
 * {@code agency(clientId, agencyId)} a client-credentials token with {@code agency_id} ({@code ROLE_AGENCY});
 * {@code admin()} and {@code dpo()} operator tokens with scope {@code admin} ({@code ROLE_ADMIN}) or {@code dpo}
 * ({@code ROLE_DPO}). The citizen {@code sub} is any opaque string: it is never a citizen ID number.
 */
@Component
public final class TestTokens {

    /** A login at IAL 2.3 / AAL 2.2 (ThaiD-like). */
    public static final String IAL_2_3 = "urn:th:ial:2.3:aal:2.2";
    /** A login at IAL 1.2 / AAL 1. */
    public static final String IAL_1_2 = "urn:th:ial:1.2:aal:1";

    private final AccessTokenIssuer issuer;

    public TestTokens(AccessTokenIssuer issuer) {
        this.issuer = issuer;
    }

    /** A citizen's token through the demo app {@code superapp}, logged in with ThaiD at {@code acr}. */
    public String citizen(String sub, String acr) {
        return issuer.issue(new AccessTokenRequest(sub, "superapp", Set.of("openid", "profile"), acr,
                List.of("pwd"), Instant.now(), "thaid", null, null, null)).value();
    }

    /** A client-credentials token of an agency client. */
    public String agency(String clientId, String agencyId) {
        return issuer.issue(AccessTokenRequest.forClient(clientId, Set.of("agency"), agencyId, null)).value();
    }

    /** A client-credentials token of the operator client (scope {@code admin}). */
    public String admin() {
        return issuer.issue(AccessTokenRequest.forClient("operator", Set.of("admin"), null, null)).value();
    }

    /** A client-credentials token of the DPO client (scope {@code dpo}). */
    public String dpo() {
        return issuer.issue(AccessTokenRequest.forClient("dpo", Set.of("dpo"), null, null)).value();
    }
}
