package th.onecitizen.bff.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static th.onecitizen.bff.support.PdpaFixtures.json;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import th.onecitizen.bff.oauth.TestOAuth;
import th.onecitizen.bff.support.ApplicationTest;
import th.onecitizen.bff.support.PdpaFixtures;
import th.onecitizen.bff.support.TestSubjectFacts;
import th.onecitizen.bff.support.TestTokens;
import th.onecitizen.identity.IdentityProperties;
import th.onecitizen.identity.assurance.Assurance;
import th.onecitizen.identity.citizen.CitizenDirectory;
import th.onecitizen.identity.citizen.CitizenIdProtector;
import th.onecitizen.identity.citizen.ProviderClaims;
import th.onecitizen.identity.citizen.R2dbcCitizens;
import th.onecitizen.identity.citizen.VerifiedIdentity;
import th.onecitizen.platform.privacy.SubjectKeyUnavailableException;
import th.onecitizen.platform.privacy.SubjectKeys;
import th.onecitizen.testkit.CitizenIdFixtures;

/**
 * PDPA s33 (R33.1) over HTTP for identity's records: an erasure request removes the citizen's links, claims and
 * sealed citizen ID, revokes their sessions and destroys their data key, proven by a re-query of PostgreSQL and by
 * ciphertexts copied before the erasure (as a backup holds them) that no longer open.
 */
@ApplicationTest
class IdentityErasurePdpaTests {

    private static final String CID = "identity.citizens.cid_sealed";
    private static final String CLAIMS = "identity.links.claims";

    @Autowired
    WebTestClient web;
    @Autowired
    IdentityProperties identity;
    @Autowired
    DatabaseClient db;
    @Autowired
    CitizenIdProtector protector;
    @Autowired
    SubjectKeys keys;
    @Autowired
    CitizenDirectory directory;
    @Autowired
    R2dbcCitizens citizens;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestSubjectFacts facts;
    @Autowired
    ReactiveTransactionManager transactions;

    /** A citizen signed in for real through a mock provider. */
    private record Citizen(String cid, String token, String sub, String name) {
    }

    private Citizen login(TestOAuth oauth, String provider) throws Exception {
        String cid = CitizenIdFixtures.random();
        String token = oauth.loginToken(provider, cid);
        var me = oauth.json("GET", "/v1/me", token, null);
        assertThat(me.status()).isEqualTo(200);
        assertThat((String) me.json().get("name_th")).isNotBlank();
        return new Citizen(cid, token, (String) me.json().get("sub"), (String) me.json().get("name_th"));
    }

    private long count(String sql, Object value) {
        return db.sql(sql).bind("v", value).map(r -> r.get(0, Long.class)).one().block();
    }

    private Map<String, Object> erase(String token) {
        return json(web.post().uri("/v1/me/privacy-requests").headers(h -> {
            h.setBearerAuth(token);
            h.set("Idempotency-Key", UUID.randomUUID().toString());
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("type", "erasure")).exchange()
                .expectStatus().isCreated());
    }

    /** What a backup of identity's tables holds for one citizen (its citizen row and its one link). */
    private record Backup(String sub, byte[] cidHmac, byte[] cidSealed, String provider, byte[] subjectHash,
            String claims, String ial, String aal) {

        void restore(DatabaseClient db) {
            db.sql("INSERT INTO identity.citizens (id, cid_hmac, cid_sealed) VALUES (:id, :h, :s)").bind("id", sub)
                    .bind("h", cidHmac).bind("s", cidSealed).then().block();
            db.sql("INSERT INTO identity.links (provider, subject_hash, citizen_id, cid_hmac, claims, ial, aal) "
                    + "VALUES (:p, :sh, :c, :h, :claims, :ial, :aal)").bind("p", provider).bind("sh", subjectHash)
                    .bind("c", sub).bind("h", cidHmac).bind("claims", claims).bind("ial", ial).bind("aal", aal)
                    .then().block();
        }
    }

    private Backup backup(String sub) {
        return db.sql("SELECT c.cid_hmac, c.cid_sealed, l.provider, l.subject_hash, l.claims, l.ial, l.aal "
                + "FROM identity.citizens c JOIN identity.links l ON l.citizen_id = c.id WHERE c.id = :v")
                .bind("v", sub).map(r -> new Backup(sub, r.get("cid_hmac", byte[].class),
                        r.get("cid_sealed", byte[].class), r.get("provider", String.class),
                        r.get("subject_hash", byte[].class), r.get("claims", String.class), r.get("ial", String.class),
                        r.get("aal", String.class))).one().block();
    }

    private static byte[] claimsCiphertext(String stored) {
        assertThat(stored).startsWith("sk:");
        return Base64.getUrlDecoder().decode(stored.substring(3));
    }

    @Test
    void R33_1_erasureRemovesIdentitysRecordsRevokesSessionsAndALaterLoginCreatesAFreshCitizen() throws Exception {
        TestOAuth oauth = new TestOAuth(identity.issuer());
        Citizen citizen = login(oauth, "thaid");
        byte[] cidHash = protector.lookupHash(citizen.cid());
        assertThat(count("SELECT count(*) FROM identity.citizens WHERE cid_hmac = :v", cidHash)).isOne();
        assertThat(count("SELECT count(*) FROM identity.links WHERE citizen_id = :v", citizen.sub())).isOne();
        assertThat(count("SELECT count(*) FROM identity.refresh_families WHERE citizen_id = :v", citizen.sub()))
                .isPositive();
        assertThat(count("SELECT count(*) FROM keyvault.subject_keys WHERE subject_ref = :v", citizen.sub()))
                .isOne();

        Map<String, Object> erasure = erase(citizen.token());

        assertThat(erasure).containsEntry("status", "fulfilled");
        assertThat((String) erasure.get("outcome")).contains("identity: erased",
                "citizen ID (sealed copy and look-up hash)", "provider links with their names and birth date (1)",
                "sign-in sessions (1; their tokens revoked)", "the citizen's data key",
                "kept [identity audit events");
        // re-query: nothing of the citizen is left in identity's tables or the key store
        assertThat(count("SELECT count(*) FROM identity.citizens WHERE id = :v", citizen.sub())).isZero();
        assertThat(count("SELECT count(*) FROM identity.citizens WHERE cid_hmac = :v", cidHash)).isZero();
        assertThat(count("SELECT count(*) FROM identity.links WHERE citizen_id = :v", citizen.sub())).isZero();
        assertThat(count("SELECT count(*) FROM identity.links WHERE cid_hmac = :v", cidHash)).isZero();
        assertThat(count("SELECT count(*) FROM identity.refresh_families WHERE citizen_id = :v", citizen.sub()))
                .isZero();
        assertThat(count("SELECT count(*) FROM keyvault.subject_keys WHERE subject_ref = :v", citizen.sub()))
                .isZero();
        assertThat(count("SELECT count(*) FROM keyvault.erasures WHERE subject_ref = :v", citizen.sub())).isOne();
        assertThat(directory.profile(citizen.sub()).blockOptional()).isEmpty();
        // the old access token is revoked with its session
        var me = oauth.json("GET", "/v1/me", citizen.token(), null);
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.body()).doesNotContain(citizen.cid());

        // the same person signing in again is a new citizen: nothing tied them to the erased one
        String again = oauth.loginToken("thaid", citizen.cid());
        var fresh = oauth.json("GET", "/v1/me", again, null);
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.json().get("sub")).isNotEqualTo(citizen.sub());
        assertThat(count("SELECT count(*) FROM identity.citizens WHERE cid_hmac = :v", cidHash)).isOne();
    }

    @Test
    void R33_1_erasureReachesBackupsTheCopiedCiphertextsNoLongerOpenWhileAnotherCitizensStillDo() throws Exception {
        TestOAuth oauth = new TestOAuth(identity.issuer());
        Citizen erased = login(oauth, "thaid");
        Citizen other = login(oauth, "mophid");
        // the backup: identity's rows as a dump taken before the erasure holds them
        Backup erasedCopy = backup(erased.sub());
        Backup otherCopy = backup(other.sub());
        assertThat(SubjectKeys.isSealed(erasedCopy.cidSealed())).isTrue();
        assertThat(new String(keys.open(erased.sub(), CLAIMS, claimsCiphertext(erasedCopy.claims())).block(),
                StandardCharsets.UTF_8)).contains(erased.name());
        assertThat(erasedCopy.claims()).doesNotContain(erased.name());

        assertThat(erase(erased.token())).containsEntry("status", "fulfilled");

        assertThatThrownBy(() -> keys.open(erased.sub(), CID, erasedCopy.cidSealed()).block())
                .isInstanceOf(SubjectKeyUnavailableException.class);
        assertThatThrownBy(() -> keys.open(erased.sub(), CLAIMS, claimsCiphertext(erasedCopy.claims())).block())
                .isInstanceOf(SubjectKeyUnavailableException.class);
        // nor does the configuration key of the older format open them
        assertThatThrownBy(() -> protector.open(erasedCopy.cidSealed())).isInstanceOf(IllegalArgumentException.class);
        assertThat(new String(keys.open(other.sub(), CID, otherCopy.cidSealed()).block(), StandardCharsets.US_ASCII))
                .isEqualTo(other.cid());
        assertThat(new String(keys.open(other.sub(), CLAIMS, claimsCiphertext(otherCopy.claims())).block(),
                StandardCharsets.UTF_8)).contains(other.name());

        // the backup restored: the erased citizen's rows show nothing, and the erasure journal deletes them again
        erasedCopy.restore(db);
        assertThat(directory.profile(erased.sub()).blockOptional()).isEmpty();
        assertThat(citizens.reapplyErasures().block()).isPositive();
        assertThat(count("SELECT count(*) FROM identity.citizens WHERE id = :v", erased.sub())).isZero();
        assertThat(count("SELECT count(*) FROM identity.links WHERE citizen_id = :v", erased.sub())).isZero();
        assertThat(oauth.json("GET", "/v1/me", other.token(), null).status()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM identity.citizens WHERE id = :v", other.sub())).isOne();
    }

    @Test
    void R33_1_erasureReachesPrivacyRequestFreeTextInBackupsWhileTheRequestItselfIsKept() {
        PdpaFixtures api = new PdpaFixtures(web, tokens);
        String subject = facts.adult();
        String other = facts.adult();
        String text = "My name is spelt Somchai Rakthai-" + UUID.randomUUID();
        Map<String, Object> rectify = json(api.postPrivacyRequest(subject, Map.of("type", "rectification",
                "details", text)).expectStatus().isCreated());
        assertThat(rectify).containsEntry("details", text);
        json(api.postPrivacyRequest(other, Map.of("type", "rectification", "details", "Other " + text))
                .expectStatus().isCreated());
        String stored = storedDetails(subject);
        assertThat(stored).startsWith("sk:").doesNotContain("Somchai");
        String otherStored = storedDetails(other);
        // a representative's proof of authority and a DPO's note are sealed with the subject's key too
        String proof = "Court order 1234/2569 for Somchai " + UUID.randomUUID();
        Map<String, Object> represented = json(api.postPrivacyRequest(subject, Map.of("type", "access",
                "requester", Map.of("role", "representative", "proof_ref", proof))).expectStatus().isCreated());
        String note = "Called Somchai at 081-234-5678 " + UUID.randomUUID();
        Map<String, Object> started = json(web.post().uri("/admin/v1/privacy-requests/{id}/start", rectify.get("id"))
                .headers(h -> h.setBearerAuth(tokens.dpo())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("note", note)).exchange().expectStatus().isOk());
        assertThat(started.toString()).contains(note);
        String storedProof = db.sql("SELECT proof_ref FROM consent.privacy_request WHERE id = :v")
                .bind("v", UUID.fromString((String) represented.get("id"))).map(r -> r.get(0, String.class)).one()
                .block();
        String storedNote = storedNote((String) rectify.get("id"), "in_progress");
        assertThat(storedProof).startsWith("sk:").doesNotContain("Somchai");
        assertThat(storedNote).startsWith("sk:").doesNotContain("Somchai");
        assertThat(new String(keys.open(subject, "consent.privacy_request.proof_ref",
                Base64.getUrlDecoder().decode(storedProof.substring(3))).block(), StandardCharsets.UTF_8))
                .isEqualTo(proof);
        // a note stored in plain before sealing (an older row) is still read as it is
        db.sql("INSERT INTO consent.privacy_request_event (request_id, seq, status, note, actor, at) SELECT :id, "
                + "max(seq) + 1, 'in_progress', 'an older plain note', 'dpo', now() FROM "
                + "consent.privacy_request_event WHERE request_id = :id")
                .bind("id", UUID.fromString((String) rectify.get("id"))).then().block();
        assertThat(json(api.get(tokens.citizen(subject, TestTokens.IAL_2_3), "/v1/me/privacy-requests/{id}",
                rectify.get("id")).expectStatus().isOk()).toString()).contains(note, "an older plain note");

        assertThat(json(api.postPrivacyRequest(subject, Map.of("type", "erasure")).expectStatus().isCreated()))
                .containsEntry("status", "fulfilled");

        // the copy a backup holds no longer opens; the other subject's still does
        assertThatThrownBy(() -> keys.open(subject, "consent.privacy_request.details",
                Base64.getUrlDecoder().decode(stored.substring(3))).block())
                .isInstanceOf(SubjectKeyUnavailableException.class);
        assertThat(new String(keys.open(other, "consent.privacy_request.details",
                Base64.getUrlDecoder().decode(otherStored.substring(3))).block(), StandardCharsets.UTF_8))
                .isEqualTo("Other " + text);
        assertThatThrownBy(() -> keys.open(subject, "consent.privacy_request.proof_ref",
                Base64.getUrlDecoder().decode(storedProof.substring(3))).block())
                .isInstanceOf(SubjectKeyUnavailableException.class);
        assertThatThrownBy(() -> keys.open(subject, "consent.privacy_request_event.note",
                Base64.getUrlDecoder().decode(storedNote.substring(3))).block())
                .isInstanceOf(SubjectKeyUnavailableException.class);
        // the request is kept (accountability) without its text, the DPO's note gone from its history
        Map<String, Object> kept = json(api.get(tokens.citizen(subject, TestTokens.IAL_2_3),
                "/v1/me/privacy-requests/{id}", rectify.get("id")).expectStatus().isOk());
        assertThat(kept).containsEntry("type", "rectification").containsEntry("details", null);
        assertThat(kept.toString()).doesNotContain(note).contains("in_progress");
    }

    @Test
    void R33_1_aLoginWhoseCitizenIsErasedBeforeItWritesSignsInANewCitizenAndGivesTheErasedOneNoNewKey() {
        // the erasure completes between the login's look-up and its write (the returning citizen's claims sealed)
        VerifiedIdentity person = person();
        String erased = citizens.login(person).block();
        String fresh = racingLogin(erased, citizens.erase(erased).then()).login(person).block();

        assertThat(fresh).isNotEqualTo(erased);
        assertThat(count("SELECT count(*) FROM keyvault.subject_keys WHERE subject_ref = :v", erased)).isZero();
        assertThat(count("SELECT count(*) FROM identity.links WHERE citizen_id = :v", erased)).isZero();
        assertThat(count("SELECT count(*) FROM identity.links WHERE citizen_id = :v", fresh)).isOne();
        assertThat(directory.profile(fresh).block().sources()).hasSize(1);
    }

    @Test
    void R33_1_aLoginWhoseCitizensRowsAreErasedBeforeItWritesLeavesNoLinkToTheErasedCitizen() {
        // the erasure's transaction (links, citizen) has committed, its key destruction not yet run
        VerifiedIdentity person = person();
        String erased = citizens.login(person).block();
        Mono<Void> rowsOnly = db.sql("DELETE FROM identity.links WHERE citizen_id = :c").bind("c", erased).then()
                .then(db.sql("DELETE FROM identity.citizens WHERE id = :c").bind("c", erased).then());
        String fresh = racingLogin(erased, rowsOnly).login(person).block();
        keys.destroy(erased).block();

        assertThat(fresh).isNotEqualTo(erased);
        assertThat(count("SELECT count(*) FROM identity.links WHERE citizen_id = :v", erased)).isZero();
        assertThat(count("SELECT count(*) FROM identity.links WHERE citizen_id = :v", fresh)).isOne();
        assertThat(directory.profile(fresh).block().sources()).hasSize(1);
    }

    private static VerifiedIdentity person() {
        return new VerifiedIdentity("thaid", "subject-" + UUID.randomUUID(), CitizenIdFixtures.random(), true,
                new Assurance("2.3", "2.1"), new ProviderClaims("ทดสอบ", "Test", null));
    }

    /** Citizens whose first seal for {@code citizen} runs {@code erasure} first (once), then seals. */
    private R2dbcCitizens racingLogin(String citizen, Mono<Void> erasure) {
        AtomicBoolean erasedOnce = new AtomicBoolean();
        SubjectKeys racing = new SubjectKeys() {
            @Override
            public Mono<Void> create(String subject) {
                return keys.create(subject);
            }

            @Override
            public Mono<byte[]> seal(String subject, String context, byte[] plaintext) {
                Mono<Void> first = subject.equals(citizen) && erasedOnce.compareAndSet(false, true) ? erasure
                        : Mono.empty();
                return first.then(keys.seal(subject, context, plaintext));
            }

            @Override
            public Mono<byte[]> open(String subject, String context, byte[] sealed) {
                return keys.open(subject, context, sealed);
            }

            @Override
            public Mono<Boolean> destroy(String subject) {
                return keys.destroy(subject);
            }
        };
        return new R2dbcCitizens(db, TransactionalOperator.create(transactions), protector, racing);
    }

    private String storedNote(String requestId, String status) {
        return db.sql("SELECT note FROM consent.privacy_request_event WHERE request_id = :v AND status = :s "
                + "ORDER BY seq LIMIT 1").bind("v", UUID.fromString(requestId)).bind("s", status)
                .map(r -> r.get(0, String.class)).one().block();
    }

    private String storedDetails(String subject) {
        return db.sql("SELECT details FROM consent.privacy_request WHERE subject_ref = :v AND type = 'rectification'")
                .bind("v", subject).map(r -> r.get(0, String.class)).one().block();
    }
}
