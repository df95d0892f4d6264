package th.onecitizen.connectors.runtime;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import th.onecitizen.connectors.assertion.CitizenAssertions;
import th.onecitizen.connectors.auth.AgencyCredentials;
import th.onecitizen.connectors.egress.AgencyHttp;
import th.onecitizen.connectors.egress.EgressPolicyResolverGroup;
import th.onecitizen.mocks.agency.AgencyProfile;
import th.onecitizen.mocks.agency.SampleAgencies;
import th.onecitizen.mocks.agency.SampleAgency;
import th.onecitizen.registry.service.AgencyAuth;
import th.onecitizen.registry.service.Assurance;
import th.onecitizen.registry.service.ConnectorSpec;
import th.onecitizen.registry.service.LocalizedText;
import th.onecitizen.registry.service.Operation;
import th.onecitizen.registry.service.ServiceDefinition;
import th.onecitizen.registry.service.ServiceStatus;
import th.onecitizen.registry.validation.HostResolver;
import th.onecitizen.registry.validation.SandboxAllowList;
import tools.jackson.databind.json.JsonMapper;

/** The connector runtime wired by hand against the sample agencies, with a DNS table a test controls. */
final class ConnectorTestKit implements AutoCloseable {

    final SampleAgencies agencies = new SampleAgencies(0);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final CitizenAssertions assertions;
    final ConnectorRuntime runtime;
    volatile Map<String, List<String>> dns = Map.of();

    ConnectorTestKit() throws Exception {
        SandboxAllowList sandbox = new SandboxAllowList(agencies.all().stream().map(SampleAgency::baseUrl).toList());
        HostResolver resolver = host -> {
            List<String> ips = dns.get(host);
            return ips == null ? Mono.error(new java.net.UnknownHostException(host))
                    : Mono.fromCallable(() -> ips.stream().map(ConnectorTestKit::ip).toList());
        };
        AgencyHttp http = new AgencyHttp(WebClient.builder(), new EgressPolicyResolverGroup(resolver, sandbox),
                Map.of());
        AgencyCredentials credentials = new AgencyCredentials(Map.of("dopa-key", "dopa-sandbox-key-DEMO-ONLY",
                "sso-key", "sso-sandbox-key-DEMO-ONLY", "moph-key", "moph-sandbox-key-DEMO-ONLY",
                "dlt-key", "dlt-sandbox-key-DEMO-ONLY", "rd-secret", AgencyProfile.OAUTH_CLIENT_SECRET), http.shared());
        assertions = new CitizenAssertions("https://onecitizen.test", new ECKeyGenerator(Curve.P_256).keyID("t1")
                .generate().toJSONString(), "pairwise-test-secret", Duration.ofSeconds(60), Clock.systemUTC());
        runtime = new ConnectorRuntime(http, credentials, assertions, meters, JsonMapper.builder().build());
    }

    private static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The sample agency's summary service, with a tight timeout and a quick breaker. */
    ServiceDefinition service(String agencyId, int timeoutMillis) {
        SampleAgency a = agencies.get(agencyId);
        return service(agencyId, a.baseUrl(), a.profile().path(), timeoutMillis);
    }

    ServiceDefinition service(String agencyId, String baseUrl, String path, int timeoutMillis) {
        AgencyAuth auth = "rd".equals(agencyId)
                ? new AgencyAuth.ClientCredentials(baseUrl + "/oauth/token", AgencyProfile.OAUTH_CLIENT_ID,
                        "rd-secret", "")
                : new AgencyAuth.ApiKey("X-API-Key", agencyId + "-key");
        ConnectorSpec spec = new ConnectorSpec(baseUrl, auth, timeoutMillis, 10, 1000,
                new ConnectorSpec.BreakerPolicy(50, 5000, 100, 4, 8, 1), new ConnectorSpec.RetryPolicy(1, 20),
                64 * 1024);
        Operation op = new Operation("summary", new LocalizedText("สรุป", "Summary"), "GET", path, null,
                JsonMapper.builder().build().readTree("{\"type\":\"object\"}"), true, Set.of(), Set.of("identity"),
                "civil_registration", "public_task", true);
        return new ServiceDefinition(agencyId + ".summary", agencyId, 1, ServiceStatus.ACTIVE,
                new ServiceDefinition.ServiceContent(new LocalizedText("บริการ", "Service"),
                        new LocalizedText("ทดสอบ", "Test"), "civil_registration", Set.of(), new Assurance("1.1", "1"),
                        List.of(op), spec), 1, java.time.Instant.now());
    }

    @Override
    public void close() {
        agencies.close();
    }
}
