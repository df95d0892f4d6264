package th.onecitizen.registry.service;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An assurance level on the Thai digital-ID scale (ETDA): identity assurance IAL 1.1 to 3 and authenticator
 * assurance AAL 1 to 3. A citizen's assurance suffices for a service when both parts are at least the service's.
 *
 * @param ial one of {@code 1.1 1.2 1.3 2.1 2.2 2.3 3}
 * @param aal 1, 2 or 3
 */
public record Assurance(String ial, int aal) {

    /** The IAL levels in increasing order of strength. */
    public static final List<String> IAL_LEVELS = List.of("1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3");

    /** The weakest level: anyone signed in. */
    public static final Assurance LOWEST = new Assurance("1.1", 1);

    // Matches the acr forms in use ("ial2.3-aal2", "urn:...:ial:2.3:aal:2", "IAL2.3_AAL2"): the part numbers matter.
    private static final Pattern ACR = Pattern.compile("ial[^0-9]{0,2}([123](?:\\.[123])?)[^0-9]{1,3}aal[^0-9]{0,2}([123])");

    public Assurance {
        if (ial == null || !IAL_LEVELS.contains(ial)) {
            throw new IllegalArgumentException("IAL must be one of " + IAL_LEVELS);
        }
        if (aal < 1 || aal > 3) {
            throw new IllegalArgumentException("AAL must be 1, 2 or 3");
        }
    }

    /** True when a citizen at {@code held} may use something that needs this level. */
    public boolean isSatisfiedBy(Assurance held) {
        return IAL_LEVELS.indexOf(held.ial) >= IAL_LEVELS.indexOf(ial) && held.aal >= aal;
    }

    /** The acr value that names this level in tokens and in RFC 9470 challenges. */
    public String acr() {
        return "ial" + ial + "-aal" + aal;
    }

    /** The level an acr claim names, or empty when it names none on the Thai scale. */
    public static Optional<Assurance> fromAcr(String acr) {
        if (acr == null) {
            return Optional.empty();
        }
        Matcher m = ACR.matcher(acr.toLowerCase(Locale.ROOT));
        if (!m.find()) {
            return Optional.empty();
        }
        String ial = m.group(1).equals("3") || m.group(1).startsWith("3") ? "3" : m.group(1);
        if (!IAL_LEVELS.contains(ial)) {
            return Optional.empty();
        }
        return Optional.of(new Assurance(ial, Integer.parseInt(m.group(2))));
    }
}
