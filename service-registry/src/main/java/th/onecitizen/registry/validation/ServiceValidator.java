package th.onecitizen.registry.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import th.onecitizen.platform.error.ProblemException;
import th.onecitizen.registry.RegistryError;
import th.onecitizen.registry.service.AgencyAuth;
import th.onecitizen.registry.service.ConnectorSpec;
import th.onecitizen.registry.service.LocalizedText;
import th.onecitizen.registry.service.Operation;
import th.onecitizen.registry.service.ServiceDefinition.ServiceContent;

/**
 * Refuses a service definition that would hurt the platform or the citizen: unsafe targets (checked after DNS),
 * malformed schemas, unjustified data categories, a lawful basis too weak for sensitive data, limits out of range,
 * control or bidi characters in names. Each refusal is a problem with a stable code.
 */
public final class ServiceValidator {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9_]{1,39}");
    private static final Pattern SECRET_REF = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern HEADER = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern PATH = Pattern.compile("(/([A-Za-z0-9._~-]+|\\{[a-z][A-Za-z0-9]{0,31}\\}))+/?|/");
    // Control characters, bidi overrides and other format characters have no place in a name (S-IN-03).
    private static final Pattern FIXED_PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");
    private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cntrl}\\p{Cf}\\p{Cs}\\p{Co}\\p{Cn}]");

    private final TargetPolicy targets;
    private final PurposePolicy purposes;

    public ServiceValidator(TargetPolicy targets, PurposePolicy purposes) {
        this.targets = targets;
        this.purposes = purposes;
    }

    /** A slug is the agency-chosen part of a service id. */
    public static void checkSlug(String slug) {
        if (slug == null || !ID.matcher(slug).matches()) {
            throw invalid("slug", "must be 2 to 63 lowercase letters, digits or hyphens");
        }
    }

    /** Completes when the content is acceptable, else fails with the first refusal. */
    public Mono<ServiceContent> validate(ServiceContent c) {
        try {
            checkContent(c);
        } catch (ProblemException e) {
            return Mono.error(e);
        }
        List<Mono<Target>> urls = new ArrayList<>();
        urls.add(targets.check("connector.base_url", c.connector().baseUrl()));
        if (c.connector().auth() instanceof AgencyAuth.ClientCredentials cc) {
            urls.add(targets.check("connector.auth.token_url", cc.tokenUrl()));
        }
        return Flux.concat(urls).then(Mono.just(c));
    }

    private void checkContent(ServiceContent c) {
        text("name", c.name(), 200);
        text("description", c.description(), 2000);
        if (!CATEGORY.matcher(c.category()).matches()) {
            throw invalid("category", "must be a snake_case category code");
        }
        if (c.tags().size() > 20) {
            throw invalid("tags", "at most 20 tags");
        }
        for (String tag : c.tags()) {
            if (tag.isBlank() || tag.length() > 40 || UNPRINTABLE.matcher(tag).find()) {
                throw invalid("tags", "each tag must be 1 to 40 printable characters");
            }
        }
        if (c.operations().isEmpty() || c.operations().size() > 50) {
            throw invalid("operations", "a service needs 1 to 50 operations");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < c.operations().size(); i++) {
            Operation op = c.operations().get(i);
            if (!ids.add(op.id())) {
                throw invalid("operations[" + i + "].id", "is used twice");
            }
            checkOperation("operations[" + i + "]", op);
        }
        checkConnector(c.connector());
    }

    private static void privacyPath(String field, String path) {
        if (path != null && (path.length() > 200 || !FIXED_PATH.matcher(path).matches() || path.contains("/../")
                || path.endsWith("/.."))) {
            throw invalid(field, "must be an absolute path of plain segments (no variables)");
        }
    }

    private void checkOperation(String at, Operation op) {
        if (!ID.matcher(op.id()).matches()) {
            throw invalid(at + ".id", "must be 2 to 63 lowercase letters, digits or hyphens");
        }
        text(at + ".name", op.name(), 200);
        if (!Set.of("GET", "POST").contains(op.method())) {
            throw invalid(at + ".method", "must be GET or POST");
        }
        if (op.pathTemplate().length() > 200 || !PATH.matcher(op.pathTemplate()).matches()
                || op.pathTemplate().contains("/../") || op.pathTemplate().endsWith("/..")) {
            throw invalid(at + ".path_template", "must be an absolute path of plain segments and {name} variables");
        }
        if ("GET".equals(op.method()) && op.requestSchema() != null) {
            throw invalid(at + ".request_schema", "a GET operation takes no body");
        }
        schema(at + ".request_schema", op.requestSchema());
        schema(at + ".response_schema", op.responseSchema());
        if ("GET".equals(op.method()) && !op.idempotent()) {
            throw invalid(at + ".idempotent", "a GET operation must be idempotent");
        }
        if (!purposes.knows(op.purposeId())) {
            throw new ProblemException(RegistryError.PURPOSE_UNKNOWN, "Purpose '" + op.purposeId()
                    + "' in " + at + " is not registered", Map.of("field", at + ".purpose",
                            "known_purposes", purposes.purposes().keySet().stream().sorted().toList()));
        }
        Set<String> unjustified = purposes.unjustified(op.purposeId(), op.allCategories());
        if (!unjustified.isEmpty()) {
            throw new ProblemException(RegistryError.PURPOSE_NOT_JUSTIFIED, "Purpose '" + op.purposeId()
                    + "' does not justify " + unjustified + " in " + at,
                    Map.of("field", at + ".data_categories", "unjustified", List.copyOf(unjustified)));
        }
        if (!PurposePolicy.LAWFUL_BASES.contains(op.lawfulBasis())) {
            throw new ProblemException(RegistryError.LAWFUL_BASIS_INVALID, "Lawful basis in " + at
                    + " must be one of " + PurposePolicy.LAWFUL_BASES.stream().sorted().toList(),
                    Map.of("field", at + ".lawful_basis"));
        }
        if (purposes.needsStrongerBasis(op.lawfulBasis(), op.allCategories())) {
            throw new ProblemException(RegistryError.LAWFUL_BASIS_INVALID, "Sensitive data in " + at
                    + " needs explicit consent, vital interest or a legal obligation (PDPA s26)",
                    Map.of("field", at + ".lawful_basis"));
        }
    }

    private static void schema(String field, tools.jackson.databind.JsonNode schema) {
        if (schema == null) {
            return;
        }
        List<String> problems = JsonShape.schemaProblems(schema);
        if (!problems.isEmpty()) {
            throw new ProblemException(RegistryError.SCHEMA_INVALID, "The schema in " + field + " is malformed",
                    Map.of("field", field, "errors", problems.stream().limit(10).toList()));
        }
    }

    private static void checkConnector(ConnectorSpec s) {
        if (s.privacy() != null) {
            privacyPath("connector.privacy.access_path", s.privacy().accessPath());
            privacyPath("connector.privacy.correction_path", s.privacy().correctionPath());
            privacyPath("connector.privacy.portability_receive_path", s.privacy().portabilityReceivePath());
        }
        range("connector.timeout_ms", s.timeoutMillis(), 100, 30_000);
        range("connector.max_concurrent", s.maxConcurrent(), 1, 500);
        range("connector.rate_per_second", s.ratePerSecond(), 1, 10_000);
        range("connector.max_response_bytes", s.maxResponseBytes(), 1024, 4 * 1024 * 1024);
        ConnectorSpec.BreakerPolicy b = s.breaker();
        range("connector.breaker.failure_rate_percent", b.failureRatePercent(), 1, 100);
        range("connector.breaker.slow_call_ms", b.slowCallMillis(), 50, 60_000);
        range("connector.breaker.slow_call_rate_percent", b.slowCallRatePercent(), 1, 100);
        range("connector.breaker.minimum_calls", b.minimumCalls(), 1, 1000);
        range("connector.breaker.window_size", b.windowSize(), b.minimumCalls(), 1000);
        range("connector.breaker.open_seconds", b.openSeconds(), 1, 600);
        range("connector.retry.max_attempts", s.retry().maxAttempts(), 1, 5);
        range("connector.retry.initial_backoff_ms", s.retry().initialBackoffMillis(), 10, 5000);
        if (s.auth() instanceof AgencyAuth.ClientCredentials cc) {
            secretRef("connector.auth.secret_ref", cc.secretRef());
            if (cc.clientId().isBlank() || cc.clientId().length() > 200 || UNPRINTABLE.matcher(cc.clientId()).find()) {
                throw invalid("connector.auth.client_id", "must be 1 to 200 printable characters");
            }
            if (cc.scope().length() > 200 || !cc.scope().matches("[\\x21\\x23-\\x5B\\x5D-\\x7E ]*")) {
                throw invalid("connector.auth.scope", "must be space-separated scope tokens");
            }
        } else if (s.auth() instanceof AgencyAuth.MutualTls m) {
            secretRef("connector.auth.key_ref", m.keyRef());
        } else if (s.auth() instanceof AgencyAuth.ApiKey k) {
            secretRef("connector.auth.secret_ref", k.secretRef());
            if (!HEADER.matcher(k.header()).matches()
                    || Set.of("host", "authorization", "content-length", "transfer-encoding", "cookie")
                            .contains(k.header().toLowerCase(java.util.Locale.ROOT))) {
                throw invalid("connector.auth.header", "must be a custom header name");
            }
        }
    }

    private static void secretRef(String field, String ref) {
        if (!SECRET_REF.matcher(ref).matches()) {
            throw invalid(field, "must name a configured secret (lowercase letters, digits, '.', '_', '-')");
        }
    }

    private static void range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw invalid(field, "must be between " + min + " and " + max);
        }
    }

    private static void text(String field, LocalizedText t, int max) {
        for (Map.Entry<String, String> e : Map.of("th", t.th(), "en", t.en()).entrySet()) {
            String v = e.getValue();
            if (v.isBlank() || v.length() > max) {
                throw invalid(field + "." + e.getKey(), "must be 1 to " + max + " characters");
            }
            if (UNPRINTABLE.matcher(v).find()) {
                throw invalid(field + "." + e.getKey(), "must not contain control, format or bidi characters");
            }
        }
    }

    private static ProblemException invalid(String field, String why) {
        return new ProblemException(RegistryError.INVALID_SERVICE, "Field " + field + " " + why,
                Map.of("field", field));
    }
}
