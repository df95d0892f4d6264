package th.onecitizen.registry;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;
import th.onecitizen.registry.service.AgencyAuth;
import th.onecitizen.registry.service.Assurance;
import th.onecitizen.registry.service.ConnectorSpec;
import th.onecitizen.registry.service.LocalizedText;
import th.onecitizen.registry.service.Operation;
import th.onecitizen.registry.service.ServiceDefinition.ServiceContent;
import th.onecitizen.registry.validation.HostResolver;
import th.onecitizen.registry.validation.PurposePolicy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Fixtures: service content, operations and policies for registry tests. */
public final class TestServices {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private TestServices() {
    }

    public static PurposePolicy purposes() {
        return new PurposePolicy(Map.of("civil_registration", Set.of("identity", "name", "address", "household"),
                "health_records", Set.of("identity", "name", "health", "vaccination"),
                "public_information", Set.of()), Set.of("health", "vaccination"));
    }

    public static JsonNode schema(String json) {
        return JSON.readTree(json);
    }

    public static Operation operation(String id, String purpose, String basis, Set<String> receives) {
        return new Operation(id, new LocalizedText("ดูข้อมูล", "View record"), "GET", "/records/me", null,
                schema("{\"type\":\"object\",\"properties\":{\"house_no\":{\"type\":\"string\"}}}"), true, Set.of(),
                receives, purpose, basis, true);
    }

    public static ConnectorSpec connector(String baseUrl) {
        return new ConnectorSpec(baseUrl, new AgencyAuth.ApiKey("X-API-Key", "dopa-key"), 2000, 20, 100,
                new ConnectorSpec.BreakerPolicy(50, 2000, 100, 5, 10, 5), new ConnectorSpec.RetryPolicy(2, 50),
                64 * 1024);
    }

    public static ServiceContent content(String nameTh, String nameEn, String category, String baseUrl) {
        return new ServiceContent(new LocalizedText(nameTh, nameEn),
                new LocalizedText("คำอธิบาย " + nameTh, "About " + nameEn), category, Set.of("ทดสอบ", "test"),
                new Assurance("2.1", "2.1"),
                List.of(operation("household-record", "civil_registration", "public_task",
                        Set.of("identity", "address", "household"))),
                connector(baseUrl));
    }

    /** A resolver that answers from a fixed table, standing in for DNS. */
    public static HostResolver dns(Map<String, List<String>> table) {
        return host -> {
            List<String> ips = table.get(host);
            if (ips == null) {
                return Mono.error(new java.net.UnknownHostException(host));
            }
            return Mono.fromCallable(() -> ips.stream().map(TestServices::literal).toList());
        };
    }

    private static InetAddress literal(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
