package th.onecitizen.registry.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import th.onecitizen.platform.error.ProblemException;
import th.onecitizen.registry.RegistryFixture;
import th.onecitizen.registry.TestServices;
import th.onecitizen.registry.service.ConnectorSpec;
import th.onecitizen.registry.service.ServiceDefinition;
import th.onecitizen.registry.service.ServiceDefinition.ServiceContent;
import th.onecitizen.registry.service.ServiceStatus;

class ServiceOnboardingTests {

    private static RegistryFixture registry;

    @BeforeAll
    static void start() {
        registry = new RegistryFixture();
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static ServiceContent content() {
        return TestServices.content("คัดสำเนาทะเบียนบ้าน", "Household registration copy", "civil_registration",
                "https://api.dopa.go.th/v1");
    }

    private static ServiceDefinition active(String agency, String slug) {
        registry.onboarding.create(agency, slug, content(), "agency").block();
        registry.onboarding.submit(agency, agency + "." + slug, "agency").block();
        return registry.administration.approve(agency + "." + slug, "operator", null).block();
    }

    @Test
    void createWhenValidThenDraftAtVersionOne() {
        String agency = registry.newAgency();
        StepVerifier.create(registry.onboarding.create(agency, "household", content(), "agency"))
                .assertNext(s -> {
                    assertThat(s.id()).isEqualTo(agency + ".household");
                    assertThat(s.status()).isEqualTo(ServiceStatus.DRAFT);
                    assertThat(s.version()).isEqualTo(1);
                }).verifyComplete();
    }

    @Test
    void lifecycleWhenSubmittedApprovedSuspendedRetiredThenEachStepVersioned() {
        String agency = registry.newAgency();
        ServiceDefinition s = active(agency, "flow");
        assertThat(s.status()).isEqualTo(ServiceStatus.ACTIVE);
        assertThat(s.version()).isEqualTo(3);
        assertThat(registry.administration.suspend(s.id(), "op").block().status()).isEqualTo(ServiceStatus.SUSPENDED);
        assertThat(registry.administration.retire(s.id(), "op").block().status()).isEqualTo(ServiceStatus.RETIRED);
        StepVerifier.create(registry.administration.approve(s.id(), "op", null))
                .expectErrorSatisfies(e -> assertThat(((ProblemException) e).error().code())
                        .isEqualTo("invalid_lifecycle_transition")).verify();
    }

    @Test
    void getWhenAnotherAgencysServiceThenNotFoundNotForbidden() {
        String owner = registry.newAgency();
        String other = registry.newAgency();
        registry.onboarding.create(owner, "mine", content(), "agency").block();
        StepVerifier.create(registry.onboarding.get(other, owner + ".mine"))
                .expectErrorSatisfies(e -> assertThat(((ProblemException) e).error().status()).isEqualTo(404))
                .verify();
        StepVerifier.create(registry.onboarding.update(other, owner + ".mine", 0, content(), "x"))
                .expectErrorSatisfies(e -> assertThat(((ProblemException) e).error().status()).isEqualTo(404))
                .verify();
    }

    @Test
    void approveWhenOperatorActsForTheOwningAgencyThenForbidden() {
        String agency = registry.newAgency();
        registry.onboarding.create(agency, "self", content(), "agency").block();
        registry.onboarding.submit(agency, agency + ".self", "agency").block();
        StepVerifier.create(registry.administration.approve(agency + ".self", "op", agency))
                .expectErrorSatisfies(e -> assertThat(((ProblemException) e).error().code())
                        .isEqualTo("self_approval_forbidden")).verify();
    }

    @Test
    void updateWhenApprovedServiceChangesItsUrlThenBackToPendingAndOutOfTheCatalogue() {
        String agency = registry.newAgency();
        ServiceDefinition s = active(agency, "moving");
        var catalogue = registry.newInstanceCatalogue();
        assertThat(catalogue.find(s.id()).block()).isNotNull();
        ServiceContent moved = new ServiceContent(s.content().name(), s.content().description(),
                s.content().category(), s.content().tags(), s.content().minAssurance(), s.content().operations(),
                TestServices.connector("https://api2.dopa.go.th/v1"));
        ServiceDefinition updated = registry.onboarding.update(agency, s.id(), s.version(), moved, "agency").block();
        assertThat(updated.status()).isEqualTo(ServiceStatus.PENDING);
        assertThat(catalogue.find(s.id()).block()).isNull();
    }

    @Test
    void updateWhenOnlyTheDescriptionChangesThenStaysActive() {
        String agency = registry.newAgency();
        ServiceDefinition s = active(agency, "wording");
        ServiceContent reworded = new ServiceContent(s.content().name(),
                new th.onecitizen.registry.service.LocalizedText("คำอธิบายใหม่", "New wording"),
                s.content().category(), s.content().tags(), s.content().minAssurance(), s.content().operations(),
                s.content().connector());
        assertThat(registry.onboarding.update(agency, s.id(), 0, reworded, "agency").block().status())
                .isEqualTo(ServiceStatus.ACTIVE);
    }

    @Test
    void updateWhenVersionIsStaleThenPreconditionFails() {
        String agency = registry.newAgency();
        registry.onboarding.create(agency, "stale", content(), "agency").block();
        registry.onboarding.update(agency, agency + ".stale", 1, content(), "agency").block();
        StepVerifier.create(registry.onboarding.update(agency, agency + ".stale", 1, content(), "agency"))
                .expectErrorSatisfies(e -> assertThat(((ProblemException) e).error().code())
                        .isEqualTo("version_mismatch")).verify();
    }

    @Test
    void createWhenTargetResolvesPrivateThenRefusedAndNothingStored() {
        String agency = registry.newAgency();
        ServiceContent c = TestServices.content("ก", "A", "civil_registration", "https://rebind.example.th/");
        StepVerifier.create(registry.onboarding.create(agency, "ssrf", c, "agency"))
                .expectErrorSatisfies(e -> assertThat(((ProblemException) e).error().code())
                        .isEqualTo("target_address_forbidden")).verify();
        assertThat(registry.store.find(agency + ".ssrf").block()).isNull();
    }

    @Test
    void createWhenPurposeDoesNotJustifyCategoriesThenRefused() {
        String agency = registry.newAgency();
        ServiceContent base = content();
        ServiceContent greedy = new ServiceContent(base.name(), base.description(), base.category(), base.tags(),
                base.minAssurance(), List.of(TestServices.operation("peek", "civil_registration", "public_task",
                        Set.of("identity", "health"))), base.connector());
        StepVerifier.create(registry.onboarding.create(agency, "greedy", greedy, "agency"))
                .expectErrorSatisfies(e -> assertThat(((ProblemException) e).error().code())
                        .isEqualTo("purpose_not_justified")).verify();
    }

    @Test
    void createWhenSensitiveDataUnderPublicTaskThenLawfulBasisRefused() {
        String agency = registry.newAgency();
        ServiceContent base = content();
        ServiceContent health = new ServiceContent(base.name(), base.description(), "health", base.tags(),
                base.minAssurance(), List.of(TestServices.operation("vaccines", "health_records", "public_task",
                        Set.of("identity", "vaccination"))), base.connector());
        StepVerifier.create(registry.onboarding.create(agency, "vaccines", health, "agency"))
                .expectErrorSatisfies(e -> assertThat(((ProblemException) e).error().code())
                        .isEqualTo("lawful_basis_invalid")).verify();
    }

    private static ServiceContent withPrivacy(ServiceContent base, ConnectorSpec.PrivacyEndpoints privacy) {
        ConnectorSpec c = base.connector();
        return new ServiceContent(base.name(), base.description(), base.category(), base.tags(), base.minAssurance(),
                base.operations(), new ConnectorSpec(c.baseUrl(), c.auth(), c.timeoutMillis(), c.maxConcurrent(),
                        c.ratePerSecond(), c.breaker(), c.retry(), c.maxResponseBytes(), privacy));
    }

    @Test
    void createWhenPrivacyEndpointsAreFixedPathsThenStoredAndAVariableOrTraversalIsRefused() {
        String agency = registry.newAgency();
        ConnectorSpec.PrivacyEndpoints privacy = new ConnectorSpec.PrivacyEndpoints("/privacy/v1/access",
                "/privacy/v1/corrections", null);
        StepVerifier.create(registry.onboarding.create(agency, "rights", withPrivacy(content(), privacy), "agency"))
                .assertNext(s -> assertThat(s.content().connector().privacy()).isEqualTo(privacy)).verifyComplete();
        assertThat(registry.store.find(agency + ".rights").block().content().connector().privacy())
                .isEqualTo(privacy);

        for (String bad : List.of("/privacy/{sub}", "/privacy/../admin", "privacy", "/a?b=1")) {
            StepVerifier.create(registry.onboarding.create(agency, "bad-rights", withPrivacy(content(),
                    new ConnectorSpec.PrivacyEndpoints("/privacy/v1/access", bad, null)), "agency"))
                    .expectErrorSatisfies(e -> assertThat(((ProblemException) e).properties())
                            .containsEntry("field", "connector.privacy.correction_path")).verify();
        }
    }
}
