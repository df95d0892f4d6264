package th.onecitizen.bff.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import th.onecitizen.identity.assurance.Assurance;
import th.onecitizen.platform.error.ProblemException;

/** The RFC 9470 step-up challenge other handlers use (S-AC-05 for the service calls). */
class StepUpTests {

    private static CitizenPrincipal citizen(String acr) {
        return new CitizenPrincipal("c-1", acr, List.of("fed"), Instant.now(), "paotang", "superapp",
                Set.of("openid"));
    }

    @Test
    void requireWhenTheLoginIsStrongEnoughThenTheCitizenPasses() {
        StepVerifier.create(StepUp.require(citizen("urn:th:ial:2.3:aal:2.2"), new Assurance("2.3", "2.2")))
                .expectNextCount(1).verifyComplete();
    }

    @Test
    void requireWhenTheLoginIsWeakerThenTheChallengeNamesTheAcrValues() {
        StepVerifier.create(StepUp.require(citizen("urn:th:ial:2.2:aal:2.1"), new Assurance("2.3", "2.2")))
                .expectErrorSatisfies(e -> {
                    ProblemException p = (ProblemException) e;
                    assertThat(p.error().status()).isEqualTo(401);
                    assertThat(p.error().code()).isEqualTo("insufficient_user_authentication");
                    assertThat(p.properties()).containsEntry("acr_values", "urn:th:ial:2.3:aal:2.2");
                    assertThat(p.headers().get("WWW-Authenticate"))
                            .contains("error=\"insufficient_user_authentication\"")
                            .contains("acr_values=\"urn:th:ial:2.3:aal:2.2\"");
                }).verify();
    }
}
