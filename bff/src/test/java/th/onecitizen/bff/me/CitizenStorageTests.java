package th.onecitizen.bff.me;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import th.onecitizen.bff.oauth.TestOAuth;
import th.onecitizen.bff.support.ApplicationTest;
import th.onecitizen.identity.IdentityProperties;
import th.onecitizen.identity.citizen.CitizenDirectory;
import th.onecitizen.identity.citizen.CitizenIdProtector;
import th.onecitizen.identity.citizen.CitizenProfile;
import th.onecitizen.platform.privacy.CitizenIds;
import th.onecitizen.platform.privacy.SubjectKeys;
import th.onecitizen.testkit.CitizenIdFixtures;

/**
 * How identity stores a citizen: the citizen ID and the claims sealed with the citizen's own data key; rows sealed
 * the older way (citizen ID under the configuration key, claims in plain JSON) still read, and re-sealed when
 * written again.
 */
@ApplicationTest
class CitizenStorageTests {

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

    @Test
    void aNewCitizensIdAndClaimsAreSealedWithTheirOwnKeyAndReadBack() throws Exception {
        var oauth = new TestOAuth(identity.issuer());
        String cid = CitizenIdFixtures.random();
        String token = oauth.loginToken("thaid", cid);
        var me = oauth.json("GET", "/v1/me", token, null);
        assertThat(me.status()).isEqualTo(200);
        String sub = (String) me.json().get("sub");
        assertThat(me.json()).containsEntry("citizen_id_masked", CitizenIds.mask(cid));
        byte[] sealed = db.sql("SELECT cid_sealed FROM identity.citizens WHERE id = :id").bind("id", sub)
                .map(r -> r.get(0, byte[].class)).one().block();
        assertThat(SubjectKeys.isSealed(sealed)).isTrue();
        assertThat(new String(keys.open(sub, "identity.citizens.cid_sealed", sealed).block(),
                StandardCharsets.US_ASCII)).isEqualTo(cid);
        String claims = db.sql("SELECT claims FROM identity.links WHERE citizen_id = :id").bind("id", sub)
                .map(r -> r.get(0, String.class)).one().block();
        assertThat(claims).startsWith("sk:").doesNotContain((String) me.json().get("name_th"));
        // bound to its column: presented as another column's value it does not open
        assertThatThrownBy(() -> keys.open(sub, "identity.links.claims", sealed).block())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rowsSealedTheOlderWayStillReadAndTheCitizenIdIsResealedAtTheNextLogin() throws Exception {
        String cid = CitizenIdFixtures.random();
        String sub = UUID.randomUUID().toString();
        byte[] cidHash = protector.lookupHash(cid);
        db.sql("INSERT INTO identity.citizens (id, cid_hmac, cid_sealed) VALUES (:id, :h, :s)").bind("id", sub)
                .bind("h", cidHash).bind("s", protector.seal(cid)).then().block();
        db.sql("INSERT INTO identity.links (provider, subject_hash, citizen_id, cid_hmac, claims, ial, aal) "
                + "VALUES ('paotang', :sh, :c, :h, :claims, '2.1', '2.1')")
                .bind("sh", protector.hash("paotang:" + UUID.randomUUID())).bind("c", sub).bind("h", cidHash)
                .bind("claims", "{\"nameTh\":null,\"nameEn\":\"Older Row\",\"birthDate\":\"1980-01-02\"}")
                .then().block();

        CitizenProfile before = directory.profile(sub).block();
        assertThat(before.maskedCitizenId()).isEqualTo(CitizenIds.mask(cid));
        assertThat(before.nameEn()).isEqualTo("Older Row");
        assertThat(before.birthDate()).isEqualTo(LocalDate.of(1980, 1, 2));

        // the next login (auto-linked by the citizen ID) re-seals the citizen ID with the citizen's own key
        var oauth = new TestOAuth(identity.issuer());
        String token = oauth.loginToken("thaid", cid);
        var me = oauth.json("GET", "/v1/me", token, null);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json()).containsEntry("sub", sub).containsEntry("citizen_id_masked", CitizenIds.mask(cid));
        byte[] resealed = db.sql("SELECT cid_sealed FROM identity.citizens WHERE id = :id").bind("id", sub)
                .map(r -> r.get(0, byte[].class)).one().block();
        assertThat(SubjectKeys.isSealed(resealed)).isTrue();
        assertThat(new String(keys.open(sub, "identity.citizens.cid_sealed", resealed).block(),
                StandardCharsets.US_ASCII)).isEqualTo(cid);
        assertThat(directory.profile(sub).block().sources()).hasSize(2)
                .anySatisfy(s -> assertThat(s.claims().nameEn()).isEqualTo("Older Row"));
    }
}
