package th.onecitizen.bff.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import th.onecitizen.bff.support.ApplicationTest;
import th.onecitizen.identity.IdentityProperties;
import th.onecitizen.identity.assurance.Assurance;
import th.onecitizen.identity.citizen.IdentityConflictException;
import th.onecitizen.identity.citizen.ProviderClaims;
import th.onecitizen.identity.citizen.R2dbcCitizens;
import th.onecitizen.identity.citizen.VerifiedIdentity;
import th.onecitizen.mocks.idp.Scenario;
import th.onecitizen.testkit.CitizenIdFixtures;

/** Everything an upstream provider returns is validated strictly (S-UP-01..06), over HTTP against the mocks. */
@ApplicationTest
class UpstreamSecurityTests extends AgainstIdentityMocks {

    @Autowired
    DatabaseClient db;
    @Autowired
    R2dbcCitizens citizens;

    private long citizenCount() {
        return db.sql("SELECT count(*) AS n FROM identity.citizens").map(r -> r.get("n", Long.class)).one().block();
    }

    private Map<String, String> loginWith(String idp, Scenario scenario) throws Exception {
        mocks.mocks().scenario(idp, scenario);
        return driver.authorize(OAuthDriver.authorizeParams(idp, CitizenIdFixtures.random(), OAuthDriver.verifier()));
    }

    /** Goes to the provider and back, stopping before our callback: returns the callback URL. */
    private String callbackUrl(String idp) throws Exception {
        OAuthDriver.Answer toProvider = driver.get("/oauth2/authorize?" + OAuthDriver.query(
                OAuthDriver.authorizeParams(idp, CitizenIdFixtures.random(), OAuthDriver.verifier())));
        OAuthDriver.Answer back = driver.get(toProvider.location());
        assertThat(back.location()).startsWith(identity.issuer() + "/oauth2/callback/" + idp);
        return back.location();
    }

    @Test
    void S_UP_01_badIdTokenSignatureOrForeignIssuerFailsAndCreatesNoCitizen() throws Exception {
        for (Scenario s : new Scenario[] {Scenario.BAD_SIGNATURE, Scenario.WRONG_ISSUER}) {
            long before = citizenCount();
            Map<String, String> cb = loginWith("thaid", s);
            assertThat(cb).as(s.name()).containsEntry("error", "access_denied")
                    .containsEntry("iss", identity.issuer()).doesNotContainKey("code");
            assertThat(citizenCount()).isEqualTo(before);
        }
    }

    @Test
    void S_UP_02_missingUnknownOrReusedStateWrongNonceAndInjectedCodeAreRejected() throws Exception {
        assertThat(driver.get("/oauth2/callback/thaid?code=x").status()).isEqualTo(400);
        assertThat(driver.get("/oauth2/callback/thaid?code=x&state=unknown-state").status()).isEqualTo(400);
        String callback = callbackUrl("thaid");
        assertThat(driver.get(callback).location()).startsWith(OAuthDriver.APP_REDIRECT);
        OAuthDriver.Answer replay = driver.get(callback);
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.location()).isNull();
        assertThat(loginWith("thaid", Scenario.WRONG_NONCE)).containsEntry("error", "access_denied");
        mocks.mocks().reset();
        // the victim's code injected into the attacker's transaction: PKCE at the provider refuses it
        String attacker = callbackUrl("thaid");
        String victim = callbackUrl("thaid");
        String injected = attacker.replaceFirst("code=[^&]+", "code=" + OAuthDriver.queryOf(victim).get("code"));
        OAuthDriver.Answer a = driver.get(injected);
        assertThat(OAuthDriver.queryOf(a.location())).containsEntry("error", "access_denied");
    }

    @Test
    void S_UP_03_aResponseOnAnotherProvidersCallbackIsRejected() throws Exception {
        String thaid = callbackUrl("thaid");
        OAuthDriver.Answer a = driver.get(thaid.replace("/oauth2/callback/thaid", "/oauth2/callback/paotang"));
        assertThat(OAuthDriver.queryOf(a.location())).containsEntry("error", "access_denied");
        // and the transaction is gone
        assertThat(driver.get(thaid).status()).isEqualTo(400);
    }

    @Test
    void S_UP_04_mophTokenWithBadSignatureExpiredOrBadChecksumIsRejected() throws Exception {
        for (Scenario s : new Scenario[] {Scenario.BAD_SIGNATURE, Scenario.EXPIRED_TOKEN, Scenario.BAD_CITIZEN_ID,
            Scenario.WRONG_ISSUER}) {
            long before = citizenCount();
            assertThat(loginWith("mophid", s)).as(s.name()).containsEntry("error", "access_denied");
            assertThat(citizenCount()).isEqualTo(before);
        }
        assertThat(loginWith("thaid", Scenario.BAD_CITIZEN_ID)).containsEntry("error", "access_denied");
        assertThat(loginWith("paotang", Scenario.BAD_CITIZEN_ID)).containsEntry("error", "access_denied");
    }

    @Test
    void S_UP_05_anUnverifiedOrLowIalIdMatchingAnExistingCitizenIsNotLinked() throws Exception {
        String cid = CitizenIdFixtures.random();
        String existing = citizens.login(new VerifiedIdentity("thaid", "sub-" + cid.hashCode(), cid, true,
                new Assurance("2.3", "2.2"), new ProviderClaims("ก", "A", null))).block();
        for (VerifiedIdentity weak : new VerifiedIdentity[] {
            new VerifiedIdentity("mophid", "weak-1", cid, false, new Assurance("2.3", "2.1"),
                    new ProviderClaims(null, null, null)),
            new VerifiedIdentity("paotang", "weak-2", cid, true, new Assurance("1.2", "1"),
                    new ProviderClaims(null, null, null))}) {
            assertThatThrownBy(() -> citizens.login(weak).block()).isInstanceOf(IdentityConflictException.class);
        }
        assertThat(citizens.profile(existing).block().sources()).hasSize(1);
        // a provider subject whose citizen ID changed is refused, not moved
        assertThatThrownBy(() -> citizens.login(new VerifiedIdentity("thaid", "sub-" + cid.hashCode(),
                CitizenIdFixtures.random(), true, new Assurance("2.3", "2.2"), new ProviderClaims(null, null, null)))
                .block()).isInstanceOf(IdentityConflictException.class);
        long audited = db.sql("SELECT count(*) AS n FROM identity.audit_events WHERE event LIKE 'conflict:%'")
                .map(r -> r.get("n", Long.class)).one().block();
        assertThat(audited).isGreaterThanOrEqualTo(3);
    }

    @Test
    void S_UP_06_paotangErrorCodeIsRefusedWithoutReflectingItsText() throws Exception {
        OAuthDriver.Answer toProvider;
        mocks.mocks().scenario("paotang", Scenario.ERROR_CODE);
        Map<String, String> cb = driver.authorize(OAuthDriver.authorizeParams("paotang", CitizenIdFixtures.random(),
                OAuthDriver.verifier()));
        assertThat(cb).containsEntry("error", "access_denied");
        assertThat(cb.get("error_description")).doesNotContain("<script").doesNotContain("Customer");
        // an upstream error with HTML in it is not reflected either
        String callback = callbackUrl("thaid");
        toProvider = driver.get(callback.replaceFirst("code=[^&]+",
                "error=server_error&error_description=%3Cscript%3Ealert(1)%3C%2Fscript%3E"));
        assertThat(toProvider.location()).doesNotContain("alert").doesNotContain("%3Cscript");
        assertThat(OAuthDriver.queryOf(toProvider.location())).containsEntry("error", "access_denied");
    }

    @Test
    void S_UP_06_aDiscoveryDocumentNamingAnotherIssuerStopsLogins() throws Exception {
        IdentityProperties.ProviderProperties thaid = identity.providers().get("thaid");
        // a fresh adapter, so that no earlier successful check is cached
        var provider = new th.onecitizen.identity.upstream.ThaidProvider("thaid", thaid,
                org.springframework.web.reactive.function.client.WebClient.builder(), java.time.Clock.systemUTC());
        var login = new th.onecitizen.identity.upstream.UpstreamLogin("st", "n", OAuthDriver.verifier(),
                "http://127.0.0.1/rp-cb", CitizenIdFixtures.random());
        String code = OAuthDriver.queryOf(driver.get(provider.authorizationUri(login).toString()).location())
                .get("code");
        mocks.mocks().scenario("thaid", Scenario.WRONG_DISCOVERY);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> provider.redeem(code, login)
                .block(java.time.Duration.ofSeconds(20))).isInstanceOfSatisfying(
                        th.onecitizen.identity.upstream.UpstreamException.class,
                        e -> assertThat(e.oauthError()).isEqualTo("access_denied"));
    }

    @Test
    void mophAccountsCallIsTheFallbackWhenTheTokenLacksTheCitizenId() throws Exception {
        assertThat(loginWith("mophid", Scenario.MINIMAL_TOKEN)).containsKey("code");
    }

    @Test
    void upstreamDeniedSlowAndDownEndTheAppFlowWithTheMatchingError() throws Exception {
        assertThat(loginWith("thaid", Scenario.DENIED)).containsEntry("error", "access_denied");
        assertThat(loginWith("paotang", Scenario.DOWN)).containsEntry("error", "temporarily_unavailable");
        assertThat(loginWith("mophid", Scenario.SLOW)).containsEntry("error", "temporarily_unavailable");
        assertThat(loginWith("thaid", Scenario.EXPIRED_CODE)).containsEntry("error", "access_denied");
    }
}
