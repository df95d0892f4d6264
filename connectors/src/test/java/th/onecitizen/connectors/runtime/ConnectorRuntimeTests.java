package th.onecitizen.connectors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import th.onecitizen.consent.decision.Permit;
import th.onecitizen.consent.decision.TestPermits;
import th.onecitizen.mocks.agency.FaultMode;
import th.onecitizen.platform.error.ProblemException;
import th.onecitizen.registry.service.ServiceDefinition;

class ConnectorRuntimeTests {

    private static ConnectorTestKit kit;

    @BeforeAll
    static void start() throws Exception {
        kit = new ConnectorTestKit();
    }

    @AfterAll
    static void stop() {
        kit.close();
    }

    @AfterEach
    void heal() {
        kit.agencies.heal();
    }

    private static Permit permit(String agency) {
        return TestPermits.permit("citizen-ref-42", agency, "civil_registration", Set.of("identity"));
    }

    private static void expectCode(ServiceDefinition s, String code) {
        StepVerifier.create(kit.runtime.call(s, s.content().operations().get(0), permit(s.agencyId()), null))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ProblemException.class);
                    assertThat(((ProblemException) e).error().code()).isEqualTo(code);
                    assertThat(((ProblemException) e).properties()).containsEntry("service_id", s.id());
                }).verify(Duration.ofSeconds(10));
    }

    @Test
    void callWhenAgencyHealthyThenValidatedAnswer() {
        ServiceDefinition s = kit.service("dopa", 2000);
        StepVerifier.create(kit.runtime.call(s, s.content().operations().get(0), permit("dopa"), null))
                .assertNext(r -> assertThat(r.body().path("household").path("province").asString())
                        .isEqualTo("นนทบุรี"))
                .verifyComplete();
    }

    @Test
    void callWhenAgencyUsesOAuth2ClientCredentialsThenTokenObtainedAndCached() {
        ServiceDefinition s = kit.service("rd", 3000);
        for (int i = 0; i < 2; i++) {
            StepVerifier.create(kit.runtime.call(s, s.content().operations().get(0), permit("rd"), null))
                    .assertNext(r -> assertThat(r.body().path("refund").path("status").asString())
                            .isEqualTo("approved"))
                    .verifyComplete();
        }
    }

    @Test
    void S_TK_06_assertionNamesOneAgencyPairwiseSubjectShortLifeAndNoCitizenId() throws Exception {
        ServiceDefinition dopa = kit.service("dopa", 2000);
        ServiceDefinition sso = kit.service("sso", 2000);
        kit.runtime.call(dopa, dopa.content().operations().get(0), permit("dopa"), null).block();
        kit.runtime.call(sso, sso.content().operations().get(0), permit("sso"), null).block();
        var atDopa = SignedJWT.parse(last("dopa")).getJWTClaimsSet();
        var atSso = SignedJWT.parse(last("sso")).getJWTClaimsSet();
        assertThat(atDopa.getAudience()).containsExactly("dopa");
        assertThat(atSso.getAudience()).containsExactly("sso");
        assertThat(atDopa.getSubject()).isNotEqualTo(atSso.getSubject()).isNotEqualTo("citizen-ref-42");
        assertThat(Duration.between(atDopa.getIssueTime().toInstant(), atDopa.getExpirationTime().toInstant()))
                .isLessThanOrEqualTo(Duration.ofSeconds(60));
        assertThat(atDopa.getClaims().keySet()).containsOnly("iss", "aud", "sub", "iat", "nbf", "exp", "jti",
                "purpose", "lawful_basis", "data_categories", "service_id", "operation_id");
        assertThat(atDopa.toString()).doesNotContainPattern("\\d{13}");
        assertThat(SignedJWT.parse(last("dopa")).verify(new com.nimbusds.jose.crypto.ECDSAVerifier(
                kit.assertions.publicKeys().getKeys().get(0).toECKey()))).isTrue();
    }

    private static String last(String agency) {
        var log = kit.agencies.get(agency).summaryRequestLog();
        return log.get(log.size() - 1).getHeader("X-OneCitizen-Assertion");
    }

    @Test
    void callWhenAgencyAnswers5xxThenAgencyUnavailable() {
        kit.agencies.get("moph").fault(FaultMode.SERVER_ERROR);
        expectCode(kit.service("moph", 2000), "agency_unavailable");
    }

    @Test
    void callWhenAgencyAnswersMalformedJsonThenResponseInvalid() {
        kit.agencies.get("moph").fault(FaultMode.MALFORMED_JSON);
        expectCode(kit.service("moph", 2000), "agency_response_invalid");
    }

    @Test
    void S_AB_04_callWhenAgencySendsAHugeBodyThenCutAndRefused() {
        kit.agencies.get("moph").fault(FaultMode.OVERSIZED);
        expectCode(kit.service("moph", 2000), "agency_response_too_large");
    }

    @Test
    void S_AB_04_callWhenAgencyDribblesOneChunkPerSecondThenTimeout() {
        kit.agencies.get("moph").fault(FaultMode.DRIBBLE);
        long start = System.nanoTime();
        expectCode(kit.service("moph", 500), "agency_timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void callWhenAgencyNeverAnswersThenTimeoutWithin504Budget() {
        kit.agencies.get("moph").fault(FaultMode.NEVER_ANSWERS);
        expectCode(kit.service("moph", 300), "agency_timeout");
    }

    @Test
    void S_CN_06_callWhenAgencyRedirectsInwardThenNotFollowed() {
        kit.agencies.get("moph").fault(FaultMode.REDIRECT_INWARD);
        expectCode(kit.service("moph", 2000), "agency_redirect_refused");
        assertThat(kit.agencies.get("moph").summaryRequestLog()).noneMatch(r -> r.getUrl().contains("/admin"));
    }

    @Test
    void S_CN_05_callWhenDnsRebindsToLoopbackAtCallTimeThenRefusedBeforeConnecting() {
        int port = Integer.parseInt(kit.agencies.get("dlt").baseUrl().replaceAll(".*:", ""));
        kit.dns = Map.of("rebind.example.th", List.of("127.0.0.1"));
        ServiceDefinition s = kit.service("dlt", "http://rebind.example.th:" + port, "/vehicles/v1/owned", 2000);
        int before = kit.agencies.get("dlt").summaryRequests();
        expectCode(s, "agency_target_forbidden");
        assertThat(kit.agencies.get("dlt").summaryRequests()).isEqualTo(before);
    }

    @Test
    void S_CN_05_callWhenOneRecordAmongManyIsPrivateThenRefused() {
        kit.dns = Map.of("mixed.example.th", List.of("203.150.1.10", "10.0.0.8"));
        expectCode(kit.service("dlt", "https://mixed.example.th", "/vehicles/v1/owned", 2000),
                "agency_target_forbidden");
    }

    @Test
    void specWhenChangedInTheRegistryThenNewLimitsApplyWithoutRestart() {
        kit.agencies.get("sso").fault(FaultMode.SLOW);
        kit.agencies.get("sso").slowMillis(400);
        ServiceDefinition generous = kit.service("sso", 2000);
        StepVerifier.create(kit.runtime.call(generous, generous.content().operations().get(0), permit("sso"), null))
                .expectNextCount(1).verifyComplete();
        expectCode(kit.service("sso", 150), "agency_timeout");
    }
}
