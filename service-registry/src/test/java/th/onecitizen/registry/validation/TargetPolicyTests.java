package th.onecitizen.registry.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import th.onecitizen.platform.error.ProblemException;
import th.onecitizen.registry.TestServices;

class TargetPolicyTests {

    private final TargetPolicy policy = new TargetPolicy(TestServices.dns(Map.of(
            "api.dopa.go.th", List.of("203.150.1.10"),
            "mixed.example.th", List.of("203.150.1.10", "10.0.0.7"),
            "metadata.example.th", List.of("169.254.169.254"))),
            new SandboxAllowList(List.of("http://127.0.0.1:18080")));

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/", "https://127.8.9.1/x", "https://10.1.2.3/", "https://172.16.0.1/",
        "https://172.31.255.255/", "https://192.168.1.1/", "https://100.64.0.1/", "https://169.254.169.254/latest",
        "https://[::1]/", "https://[::ffff:127.0.0.1]/", "https://[::ffff:a9fe:a9fe]/", "https://[fc00::1]/",
        "https://[fd00:ec2::254]/", "https://[fe80::1]/", "https://2130706433/", "https://0177.0.0.1/",
        "https://0x7f.1/", "https://127.1/", "https://0.0.0.0/", "https://127.0.0.1./", "https://localhost./",
        "https://localhost/", "https://[64:ff9b::7f00:1]/", "https://[2002:7f00:1::]/"})
    void S_CN_01_02_03_forbiddenAddressesInAnyFormWhenParsedThenRefusedWith422(String url) {
        assertThatThrownBy(() -> policy.parse("base_url", url)).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.error().status()).isEqualTo(422));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.dopa.go.th/", "file:///etc/passwd", "gopher://api.dopa.go.th/",
        "ftp://api.dopa.go.th/", "https://user:pw@api.dopa.go.th/", "https://user@api.dopa.go.th/",
        "http://127.0.0.1:18081/", "javascript:alert(1)", "https://api.dopa.go.th/#x", "//api.dopa.go.th/"})
    void S_CN_04_unsafeSchemesAndCredentialsWhenParsedThenRefused(String url) {
        assertThatThrownBy(() -> policy.parse("base_url", url)).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.error().code()).startsWith("target_"));
    }

    @Test
    void oddIntegerFormsWhenParsedThenReadAsTheAddressAResolverWouldUse() {
        assertThat(AddressPolicy.parseLiteral("2130706433")).hasValueSatisfying(a ->
                assertThat(a.getHostAddress()).isEqualTo("127.0.0.1"));
        assertThat(AddressPolicy.parseLiteral("0177.0.0.1")).hasValueSatisfying(a ->
                assertThat(a.getHostAddress()).isEqualTo("127.0.0.1"));
        assertThat(AddressPolicy.parseLiteral("0x7f.1")).hasValueSatisfying(a ->
                assertThat(a.getHostAddress()).isEqualTo("127.0.0.1"));
        assertThat(AddressPolicy.parseLiteral("api.dopa.go.th")).isEmpty();
    }

    @Test
    void sandboxOriginWhenExactThenPlainHttpAndLoopbackAllowed() {
        assertThat(policy.parse("base_url", "http://127.0.0.1:18080/agency").sandbox()).isTrue();
    }

    @Test
    void publicHostWhenResolvedToPublicAddressesThenAccepted() {
        StepVerifier.create(policy.check("base_url", "https://api.dopa.go.th/v1"))
                .assertNext(t -> assertThat(t.host()).isEqualTo("api.dopa.go.th")).verifyComplete();
    }

    @Test
    void S_CN_05_hostWhenOneRecordAmongManyIsPrivateThenRefused() {
        StepVerifier.create(policy.check("base_url", "https://mixed.example.th/"))
                .expectErrorSatisfies(e -> assertThat(((ProblemException) e).error().code())
                        .isEqualTo("target_address_forbidden")).verify();
    }

    @Test
    void hostWhenResolvingToMetadataThenRefused() {
        StepVerifier.create(policy.check("base_url", "https://metadata.example.th/"))
                .expectErrorSatisfies(e -> assertThat(((ProblemException) e).getMessage())
                        .contains("metadata")).verify();
    }

    @Test
    void hostWhenUnresolvableThenRefusedWithStableCode() {
        StepVerifier.create(policy.check("base_url", "https://nowhere.example.th/"))
                .expectErrorSatisfies(e -> assertThat(((ProblemException) e).error().code())
                        .isEqualTo("target_unresolvable")).verify();
    }
}
