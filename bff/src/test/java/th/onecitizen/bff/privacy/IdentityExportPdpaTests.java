package th.onecitizen.bff.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static th.onecitizen.bff.support.PdpaFixtures.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.onecitizen.bff.oauth.TestOAuth;
import th.onecitizen.bff.support.ApplicationTest;
import th.onecitizen.identity.IdentityProperties;
import th.onecitizen.testkit.CitizenIdFixtures;

/**
 * PDPA s30 (R30.1) over HTTP for identity's records: a citizen signed in for real through the mock providers asks
 * for access, and the export holds their profile as the providers asserted it, their linked identities with each
 * provider's subject, and their assurance, valid against the published schema; the citizen ID only masked.
 */
@ApplicationTest
class IdentityExportPdpaTests {

    @Autowired
    WebTestClient web;
    @Autowired
    IdentityProperties identity;

    @Test
    @SuppressWarnings("unchecked")
    void R30_1_theAccessExportHoldsTheCitizensProfileAndLinkedIdentitiesAsTheProvidersAssertedThem()
            throws Exception {
        TestOAuth oauth = new TestOAuth(identity.issuer());
        String cid = CitizenIdFixtures.random();
        oauth.loginToken("thaid", cid);
        // the same person through a second provider: linked to the same citizen by the verified ID
        String token = oauth.loginToken("mophid", cid);
        Map<String, Object> me = oauth.json("GET", "/v1/me", token, null).json();
        List<Map<String, Object>> shown = (List<Map<String, Object>>) me.get("identities");
        assertThat(shown).extracting(i -> i.get("provider")).containsExactlyInAnyOrder("thaid", "mophid");

        Map<String, Object> request = json(web.post().uri("/v1/me/privacy-requests").headers(h -> {
            h.setBearerAuth(token);
            h.set("Idempotency-Key", UUID.randomUUID().toString());
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("type", "access")).exchange()
                .expectStatus().isCreated());
        String body = web.get().uri("/v1/me/privacy-requests/{id}/export", request.get("id"))
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        Map<String, Object> export = tools.jackson.databind.json.JsonMapper.builder().build().readValue(body,
                Map.class);

        Map<String, Object> section = (Map<String, Object>) ((Map<String, Object>) export.get("sections"))
                .get("identity");
        Map<String, Object> profile = (Map<String, Object>) section.get("profile");
        assertThat(profile).containsEntry("name_th", me.get("name_th")).containsEntry("name_en", me.get("name_en"))
                .containsEntry("birthdate", me.get("birthdate"))
                .containsEntry("citizen_id_masked", me.get("citizen_id_masked"));
        assertThat((String) profile.get("name_th")).isNotBlank();
        // the citizen ID only masked, anywhere in the export
        assertThat(body).doesNotContain(cid);
        List<Map<String, Object>> links = (List<Map<String, Object>>) section.get("linked_identities");
        assertThat(links).hasSize(2).allSatisfy(l -> {
            assertThat((String) l.get("provider_subject")).isNotBlank().isNotEqualTo(me.get("sub"));
            assertThat(l.get("linked_at")).isNotNull();
            Map<String, Object> same = shown.stream().filter(s -> s.get("provider").equals(l.get("provider")))
                    .findFirst().orElseThrow();
            // which provider said what: the same as /v1/me shows
            assertThat((Map<String, Object>) l.get("asserted")).containsEntry("name_th", same.get("name_th"))
                    .containsEntry("name_en", same.get("name_en")).containsEntry("birthdate", same.get("birthdate"));
            assertThat((Map<String, Object>) l.get("assurance")).containsEntry("ial", same.get("ial"))
                    .containsEntry("aal", same.get("aal"));
        });
        assertThat(links.get(0).get("provider_subject")).isNotEqualTo(links.get(1).get("provider_subject"));
        assertThat((Map<String, Object>) section.get("assurance")).containsKeys("acr", "ial", "aal");

        // valid against the published schema
        Map<String, Object> schema = json(web.get().uri("/v1/privacy-export/schema").exchange().expectStatus().isOk());
        assertThat(violations(schema, export, "$")).isEmpty();
        assertThat(violations(schema, Map.of("sections", Map.of()), "$")).isNotEmpty();
    }

    /**
     * The JSON Schema keywords the export's schema uses ({@code type}, {@code required}, {@code properties},
     * {@code items}, {@code enum}): the paths where {@code value} breaks them.
     */
    @SuppressWarnings("unchecked")
    static List<String> violations(Map<String, Object> schema, Object value, String path) {
        List<String> out = new ArrayList<>();
        Object type = schema.get("type");
        if (type != null) {
            List<Object> types = type instanceof List<?> l ? (List<Object>) l : List.of(type);
            if (types.stream().noneMatch(t -> is((String) t, value))) {
                out.add(path + ": not " + types);
                return out;
            }
        }
        if (schema.get("enum") instanceof List<?> allowed && !allowed.contains(value)) {
            out.add(path + ": not one of " + allowed);
        }
        if (value instanceof Map<?, ?> map) {
            for (Object name : (List<Object>) schema.getOrDefault("required", List.of())) {
                if (!map.containsKey(name)) {
                    out.add(path + ": missing " + name);
                }
            }
            Map<String, Object> props = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
            props.forEach((name, sub) -> {
                if (map.containsKey(name)) {
                    out.addAll(violations((Map<String, Object>) sub, map.get(name), path + "." + name));
                }
            });
        }
        if (value instanceof List<?> list && schema.get("items") instanceof Map<?, ?> items) {
            for (int i = 0; i < list.size(); i++) {
                out.addAll(violations((Map<String, Object>) items, list.get(i), path + "[" + i + "]"));
            }
        }
        return out;
    }

    private static boolean is(String type, Object value) {
        return switch (type) {
            case "object" -> value instanceof Map;
            case "array" -> value instanceof List;
            case "string" -> value instanceof String;
            case "null" -> value == null;
            case "boolean" -> value instanceof Boolean;
            case "integer" -> value instanceof Integer || value instanceof Long;
            case "number" -> value instanceof Number;
            default -> false;
        };
    }
}
