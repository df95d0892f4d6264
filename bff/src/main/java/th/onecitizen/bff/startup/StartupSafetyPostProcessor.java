package th.onecitizen.bff.startup;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.Profiles;

/**
 * Outside the demo profile, refuses to start when a required address or secret is missing, or when any setting
 * holds a demo-only value (every demo secret carries the marker {@value #DEMO_MARKER}). The message names the
 * settings and the environment variables that set them, never their values.
 */
public final class StartupSafetyPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** The marker every demo-only secret carries, so that none can slip into production. */
    public static final String DEMO_MARKER = "DEMO-ONLY";

    /** Settings production cannot run without. */
    static final List<String> REQUIRED = List.of(
            "spring.r2dbc.url",
            "spring.r2dbc.username",
            "spring.r2dbc.password",
            "spring.data.redis.host",
            "onecitizen.issuer");

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (env.acceptsProfiles(Profiles.of("demo"))
                || !env.getProperty("onecitizen.startup-check.enabled", Boolean.class, true)) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (String key : REQUIRED) {
            if (env.getProperty(key) == null) {
                problems.add("missing setting " + key + " (environment variable " + envName(key) + ")");
            }
        }
        String issuer = env.getProperty("onecitizen.issuer");
        if (issuer != null && !issuer.startsWith("https://")) {
            problems.add("onecitizen.issuer must be an https URL in production");
        }
        for (String key : demoValuedKeys(env)) {
            problems.add("setting " + key + " holds a demo-only value; configure a production secret");
        }
        if (!problems.isEmpty()) {
            throw new UnsafeConfigurationException(problems);
        }
    }

    private static TreeSet<String> demoValuedKeys(ConfigurableEnvironment env) {
        TreeSet<String> keys = new TreeSet<>();
        for (PropertySource<?> source : env.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    Object value = enumerable.getProperty(name);
                    if (value != null && value.toString().contains(DEMO_MARKER)) {
                        String resolved = env.getProperty(name);
                        if (resolved != null && resolved.contains(DEMO_MARKER)) {
                            keys.add(name);
                        }
                    }
                }
            }
        }
        return keys;
    }

    static String envName(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace("-", "");
    }
}
