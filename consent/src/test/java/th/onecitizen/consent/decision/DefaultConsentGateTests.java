package th.onecitizen.consent.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import th.onecitizen.consent.config.ConsentModule;
import th.onecitizen.consent.grant.ConsentChange;
import th.onecitizen.consent.grant.GrantCommand;
import th.onecitizen.consent.support.TestConsentModules;
import th.onecitizen.consent.support.TestPurposes;
import th.onecitizen.consent.support.TestSubjectFacts;

class DefaultConsentGateTests {

    private static final TestSubjectFacts facts = new TestSubjectFacts();
    private static ConsentModule a;
    private static ConsentModule b;
    private static String purpose;

    @BeforeAll
    static void setUp() {
        // Two instances of the module, each with its own cache; b listens on another channel, so it never hears a's
        // invalidations: every pub/sub message to b is "lost" and only the version check can protect it.
        a = TestConsentModules.module(facts, "oc:cns:test:gate-a", true);
        b = TestConsentModules.module(facts, "oc:cns:test:gate-b", true);
        a.gate().start();
        b.gate().start();
        purpose = TestPurposes.id();
        a.purposes().register(purpose, TestPurposes.consent("agency-a", Set.of("address", "name"))).block();
    }

    @AfterAll
    static void tearDown() {
        a.gate().stop();
        b.gate().stop();
    }

    private static ConsentChange grant(ConsentModule m, String subject, String purposeId) {
        return m.consents().grant(new GrantCommand(subject, purposeId, 1, "en", true, "self", null, null, null, "app"))
                .block();
    }

    private static Decision decide(ConsentModule m, String subject, String purposeId, Set<String> categories) {
        return m.gate().decide(new DecisionRequest(subject, "agency-a", purposeId, categories)).block();
    }

    @Test
    void decideWhenNoConsentThenConsentRequiredNamingThePurpose() {
        String s = facts.adult(TestConsentModules.subject());

        Decision d = decide(a, s, purpose, Set.of("address"));

        assertThat(d).isInstanceOfSatisfying(Decision.Refused.class, r -> {
            assertThat(r.refusal().code()).isEqualTo("consent_required");
            assertThat(r.refusal().purposeId()).isEqualTo(purpose);
        });
    }

    @Test
    void decideWhenConsentGivenThenPermitWithOnlyPurposeCategories() {
        String s = facts.adult(TestConsentModules.subject());
        grant(a, s, purpose);

        Decision d = decide(a, s, purpose, Set.of("address", "health.record"));

        assertThat(d).isInstanceOfSatisfying(Decision.Allowed.class, ok -> {
            assertThat(ok.permit().dataCategories()).containsExactly("address");
            assertThat(ok.permit().basis()).isEqualTo(LawfulBasis.CONSENT);
            assertThat(ok.permit().expiresAt()).isAfter(ok.permit().issuedAt());
        });
    }

    @Test
    void decideWhenWithdrawnOnOtherInstanceAndPubSubLostThenRefusedAtOnce() {
        String s = facts.adult(TestConsentModules.subject());
        ConsentChange g = grant(a, s, purpose);
        // warm both caches
        assertThat(decide(b, s, purpose, Set.of("name"))).isInstanceOf(Decision.Allowed.class);
        assertThat(decide(b, s, purpose, Set.of("name"))).isInstanceOf(Decision.Allowed.class);

        a.consents().withdraw(s, g.consent().consentId(), "app").block();

        assertThat(decide(b, s, purpose, Set.of("name"))).isInstanceOfSatisfying(Decision.Refused.class,
                r -> assertThat(r.refusal().code()).isEqualTo("consent_withdrawn"));
    }

    @Test
    void decideWhenPurposeOfOtherAgencyThenPurposeMismatch() {
        String s = facts.adult(TestConsentModules.subject());
        grant(a, s, purpose);

        Decision d = a.gate().decide(new DecisionRequest(s, "agency-b", purpose, Set.of("address"))).block();

        assertThat(d).isInstanceOfSatisfying(Decision.Refused.class,
                r -> assertThat(r.refusal().code()).isEqualTo("purpose_mismatch"));
    }

    @Test
    void decideWhenMinorConsentedAloneThenMinorRequiresGuardian() {
        String minor = facts.born(TestConsentModules.subject(), LocalDate.now().minusYears(15));
        String p = TestPurposes.id();
        a.purposes().register(p, TestPurposes.draft("agency-a", "consent", null, null, null, Set.of("address"),
                "none", true, false)).block();
        grant(a, minor, p);
        facts.born(minor, LocalDate.now().minusYears(9));

        Decision d = decide(a, minor, p, Set.of("address"));

        assertThat(d).isInstanceOfSatisfying(Decision.Refused.class,
                r -> assertThat(r.refusal().code()).isEqualTo("minor_requires_guardian"));
    }

    @Test
    void decideWhenUnknownPurposeThenPurposeUnknown() {
        String s = facts.adult(TestConsentModules.subject());

        assertThat(decide(a, s, "no.such-purpose", Set.of("address"))).isInstanceOfSatisfying(Decision.Refused.class,
                r -> assertThat(r.refusal().code()).isEqualTo("purpose_unknown"));
    }
}
