package th.onecitizen.mocks.idp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mocks' self-contained access tokens, and the sweep of codes never redeemed. */
class SealedGrantsTests {

    private final SealedGrants grants = new SealedGrants();
    private final Instant now = Instant.parse("2026-12-05T08:00:00Z");

    @Test
    void aTokenGivesBackItsFieldsUntilItExpires() {
        String token = grants.seal(now.plusSeconds(900), "1101700203451", "openid pid name", "line\nbreak and%20more");
        assertThat(grants.open(token, now)).containsExactly("1101700203451", "openid pid name",
                "line\nbreak and%20more");
        assertThat(grants.open(token, now.plusSeconds(899))).isNotNull();
        assertThat(grants.open(token, now.plusSeconds(900))).isNull();
        assertThat(token).doesNotContain("1101700203451");
    }

    @Test
    void anAlteredForeignOrMalformedTokenIsRefused() {
        String token = grants.seal(now.plusSeconds(900), "1101700203451");
        byte[] raw = Base64.getUrlDecoder().decode(token);
        raw[raw.length - 1] ^= 1;
        assertThat(grants.open(Base64.getUrlEncoder().withoutPadding().encodeToString(raw), now)).isNull();
        assertThat(new SealedGrants().open(token, now)).as("another start of the mock").isNull();
        assertThat(grants.open("not base64url!", now)).isNull();
        assertThat(grants.open("c2hvcnQ", now)).isNull();
        assertThat(grants.open(null, now)).isNull();
    }

    @Test
    void codesNeverRedeemedAreForgottenOnceExpired() {
        MockProvider provider = new MockProvider("test", new MockSettings("http://127.0.0.1", "rp", "secret", true,
                0)) {
            @Override
            Map<String, Route> routes() {
                return Map.of();
            }
        };
        Map<String, Instant> codes = new HashMap<>();
        codes.put("abandoned", Instant.now().minus(MockProvider.CODE_TTL).minusSeconds(1));
        codes.put("recent", Instant.now().minusSeconds(5));
        provider.remember(codes, "new", Instant.now(), issued -> issued);
        assertThat(codes).containsOnlyKeys("recent", "new");
        assertThat(MockProvider.expired(Instant.now().minus(MockProvider.CODE_TTL).minusSeconds(1))).isTrue();
        assertThat(MockProvider.expired(Instant.now().minusSeconds(5))).isFalse();
    }
}
