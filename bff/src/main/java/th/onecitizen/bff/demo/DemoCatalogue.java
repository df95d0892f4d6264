package th.onecitizen.bff.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import th.onecitizen.registry.service.Agency;
import th.onecitizen.registry.service.AgencyAuth;
import th.onecitizen.registry.service.Assurance;
import th.onecitizen.registry.service.ConnectorSpec;
import th.onecitizen.registry.service.LocalizedText;
import th.onecitizen.registry.service.Operation;
import th.onecitizen.registry.service.ServiceDefinition.ServiceContent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's seed catalogue ({@code classpath:demo/catalogue.json}): 300 Thai government services of 31 agencies,
 * with Thai and English names and descriptions, categories, tags and the assurance each needs. Each service has one
 * summary operation whose purpose and lawful basis are its agency's; its connector names the agency's (production)
 * API host, which the sandbox does not reach: these services populate the catalogue, the five sample agencies
 * answer calls.
 */
final class DemoCatalogue {

    /** The resource the catalogue is read from. */
    static final String RESOURCE = "demo/catalogue.json";

    /**
     * One service to register.
     *
     * @param agency    its agency
     * @param serviceId its id
     * @param content   its content
     */
    record Entry(Agency agency, String serviceId, ServiceContent content) {
    }

    private DemoCatalogue() {
    }

    /** Reads the seed catalogue. */
    static List<Entry> load() {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode root;
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            root = json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The demo catalogue " + RESOURCE + " cannot be read", e);
        }
        JsonNode schema = json.readTree("{\"type\":\"object\"}");
        List<Entry> entries = new ArrayList<>();
        for (JsonNode a : root.get("agencies")) {
            Agency agency = new Agency(a.get("id").asString(), new LocalizedText(a.get("name_th").asString(),
                    a.get("name_en").asString()));
            Set<String> receives = strings(a.get("receives"));
            ConnectorSpec connector = new ConnectorSpec(a.get("base_url").asString(),
                    new AgencyAuth.ApiKey("X-API-Key", agency.id() + "-key"), 2000, 50, 100,
                    new ConnectorSpec.BreakerPolicy(50, 1500, 80, 10, 20, 30), new ConnectorSpec.RetryPolicy(2, 100),
                    256 * 1024);
            for (JsonNode s : a.get("services")) {
                String slug = s.get("slug").asString();
                Operation summary = new Operation("status", new LocalizedText("สถานะของฉัน", "My status"), "GET",
                        "/" + slug + "/status", null, schema, true, Set.of(), receives,
                        a.get("purpose").asString(), a.get("lawful_basis").asString(), true);
                ServiceContent content = new ServiceContent(
                        new LocalizedText(s.get("name_th").asString(), s.get("name_en").asString()),
                        new LocalizedText(s.get("description_th").asString(), s.get("description_en").asString()),
                        s.get("category").asString(), strings(s.get("tags")),
                        new Assurance(s.get("min_ial").asString(), s.get("min_aal").asString()), List.of(summary),
                        connector);
                entries.add(new Entry(agency, agency.id() + "." + slug, content));
            }
        }
        return entries;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new LinkedHashSet<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
