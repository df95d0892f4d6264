package th.onecitizen.bff.agency;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import th.onecitizen.platform.error.CommonError;
import th.onecitizen.platform.error.ProblemException;
import th.onecitizen.registry.service.ServiceDefinition;
import th.onecitizen.registry.service.ServiceDefinition.ServiceContent;

/** JSON documents of registered services for the agency and admin APIs, and their version ETags. */
public final class ServiceDocuments {

    private static final Pattern IF_MATCH = Pattern.compile("(?:W/)?\"([1-9][0-9]{0,8})\"");

    private ServiceDocuments() {
    }

    /** The whole definition: lifecycle columns, then the agency-editable content. */
    public static Map<String, Object> of(ServiceDefinition d) {
        ServiceContent c = d.content();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("agency_id", d.agencyId());
        m.put("status", d.status().code());
        m.put("version", d.version());
        m.put("updated_at", d.updatedAt());
        m.put("name", c.name());
        m.put("description", c.description());
        m.put("category", c.category());
        m.put("tags", c.tags().stream().sorted().toList());
        m.put("min_assurance", c.minAssurance());
        m.put("min_acr", c.minAssurance().acr());
        m.put("operations", c.operations());
        m.put("connector", c.connector());
        return m;
    }

    /** A page of definitions. */
    public static Map<String, Object> page(List<ServiceDefinition> all, int page, int size) {
        int from = Math.min(page * size, all.size());
        int to = Math.min(from + size, all.size());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", all.subList(from, to).stream().map(ServiceDocuments::of).toList());
        m.put("page", page);
        m.put("size", size);
        m.put("total", all.size());
        return m;
    }

    /** 200 with the document and its version as a strong ETag (for If-Match on the next update). */
    public static ResponseEntity<Map<String, Object>> ok(ServiceDefinition d) {
        return ResponseEntity.ok().header(HttpHeaders.ETAG, "\"" + d.version() + "\"").body(of(d));
    }

    /** The version an If-Match header names; 0 (any version) when there is none. */
    public static int expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || "*".equals(ifMatch.trim())) {
            return 0;
        }
        Matcher m = IF_MATCH.matcher(ifMatch.trim());
        if (!m.matches()) {
            throw new ProblemException(CommonError.INVALID_PARAMETER, "If-Match must be the ETag of a version, e.g. "
                    + "\"3\"", Map.of("field", "If-Match"));
        }
        return Integer.parseInt(m.group(1));
    }

    /** Checks paging parameters (0-based page). */
    public static void checkPage(int page, int size) {
        if (page < 0 || page > 100_000 || size < 1 || size > 100) {
            throw new ProblemException(CommonError.INVALID_PARAMETER, "page must be 0..100000 and size 1..100");
        }
    }

    /** A required request field, or a 400 naming it. */
    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new ProblemException(CommonError.VALIDATION_FAILED, "Field '" + field + "' is required",
                    Map.of("field", field));
        }
        return value;
    }
}
