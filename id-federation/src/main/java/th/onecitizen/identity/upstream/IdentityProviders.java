package th.onecitizen.identity.upstream;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.reactive.function.client.WebClient;
import th.onecitizen.identity.IdentityProperties;
import th.onecitizen.identity.IdentityProperties.ProviderProperties;
import th.onecitizen.identity.assurance.Assurance;

/** The enabled upstream providers, each built by the adapter its configuration names. */
public final class IdentityProviders {

    private final Map<String, IdentityProvider> redirecting = new LinkedHashMap<>();
    private final Map<String, ProviderProperties> settings = new LinkedHashMap<>();

    public IdentityProviders(IdentityProperties properties, WebClient.Builder web, Clock clock) {
        properties.providers().forEach((name, p) -> {
            if (!p.enabled()) {
                return;
            }
            settings.put(name, p);
            switch (p.type()) {
                case "thaid" -> redirecting.put(name, new ThaidProvider(name, p, web.clone(), clock));
                case "mophid" -> redirecting.put(name, new MophIdProvider(name, p, web.clone(), clock));
                case "paotang" -> redirecting.put(name, new PaotangProvider(name, p, web.clone(), clock));
                case "ndid" -> {
                    // decoupled: handled by NdidClient, not by the redirect SPI
                }
                default -> throw new IllegalArgumentException("Unknown provider type " + p.type() + " for " + name);
            }
        });
    }

    /** A redirect-based provider by name. */
    public Optional<IdentityProvider> redirecting(String name) {
        return Optional.ofNullable(name == null ? null : redirecting.get(name));
    }

    /** The settings of an enabled provider (redirect or decoupled). */
    public Optional<ProviderProperties> settings(String name) {
        return Optional.ofNullable(name == null ? null : settings.get(name));
    }

    /** The highest assurance a provider can reach. */
    public Assurance maxAssurance(String name) {
        ProviderProperties p = settings.get(name);
        return new Assurance(p.ial() == null ? "2.3" : p.ial(), p.aal() == null ? "2.2" : p.aal());
    }

    /** Enabled providers that can reach {@code required} (all when null), in configuration order. */
    public List<String> able(Assurance required) {
        List<String> out = new ArrayList<>();
        for (String name : settings.keySet()) {
            if (required == null || maxAssurance(name).satisfies(required)) {
                out.add(name);
            }
        }
        return out;
    }
}
