package th.onecitizen.identity.upstream;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.core.ParameterizedTypeReference;
import th.onecitizen.identity.IdentityProperties.ProviderProperties;
import th.onecitizen.identity.assurance.Assurance;
import th.onecitizen.identity.citizen.ProviderClaims;
import th.onecitizen.identity.citizen.VerifiedIdentity;

/** What the redirect-based adapters share: settings, guard, URL building and lenient field parsing. */
abstract class ProviderSupport implements IdentityProvider {

    static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP = new ParameterizedTypeReference<>() {
    };

    protected final String name;
    protected final ProviderProperties settings;
    protected final UpstreamCalls calls;
    protected final Clock clock;

    ProviderSupport(String name, ProviderProperties settings, Clock clock) {
        this.name = name;
        this.settings = settings;
        this.calls = new UpstreamCalls(name, settings.timeout());
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Assurance maxAssurance() {
        return configuredAssurance();
    }

    protected Assurance configuredAssurance() {
        return new Assurance(settings.ial() == null ? "2.3" : settings.ial(),
                settings.aal() == null ? "2.2" : settings.aal());
    }

    static String url(String base, Map<String, String> params) {
        StringBuilder sb = new StringBuilder(base);
        char sep = base.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getValue() != null) {
                sb.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        return sb.toString();
    }

    static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    static String nz(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        try {
            return LocalDate.parse(String.valueOf(o));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(p.trim());
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** Builds the identity, refusing a citizen ID that fails its checksum. */
    VerifiedIdentity identity(String subject, String citizenId, Assurance assurance, ProviderClaims claims) {
        return guarded(() -> new VerifiedIdentity(name, subject, citizenId, true, assurance, claims));
    }

    static <T> T guarded(Supplier<T> s) {
        try {
            return s.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw UpstreamException.denied("provider asserted no valid citizen ID");
        }
    }
}
