package th.onecitizen.identity.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegisteredClientTests {

    private static RegisteredClient nativeApp() {
        return new RegisteredClient("app", "app", RegisteredClient.NONE, null, null,
                List.of("http://127.0.0.1/callback", "th.onecitizen.superapp:/oauth2redirect"), List.of(),
                Set.of("authorization_code"), Set.of("openid"), true, null);
    }

    @Test
    void allowsRedirectWhenLoopbackOnAnyPortThenOnlyThePortMayDiffer() {
        RegisteredClient c = nativeApp();
        assertThat(c.allowsRedirect("http://127.0.0.1/callback")).isTrue();
        assertThat(c.allowsRedirect("http://127.0.0.1:50123/callback")).isTrue();
        assertThat(c.allowsRedirect("http://127.0.0.1:50123/callback/")).isFalse();
        assertThat(c.allowsRedirect("http://127.0.0.1:50123/callback?x")).isFalse();
        assertThat(c.allowsRedirect("http://127.0.0.1:50123/other")).isFalse();
        assertThat(c.allowsRedirect("th.onecitizen.superapp:/oauth2redirect")).isTrue();
        assertThat(c.allowsRedirect("th.onecitizen.superapp:/oauth2redirect#x")).isFalse();
    }
}
