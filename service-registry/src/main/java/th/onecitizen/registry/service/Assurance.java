package th.onecitizen.registry.service;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An assurance level on the Thai digital-ID scale (ETDA): identity assurance IAL 1.1 to 3 and authenticator
 * assurance AAL 1, 2.1, 2.2 or 3. Its {@code acr} form is {@code urn:th:ial:<ial>:aal:<aal>}, the form OneCitizen's
 * authorization server issues in tokens and understands in {@code acr_values}. A citizen's assurance suffices for a
 * service when both parts are at least the service's.
 *
 * @param ial one of {@link #IAL_LEVELS}
 * @param aal one of {@link #AAL_LEVELS}
 */
public record Assurance(String ial, String aal) {

    /** The IAL levels in increasing order of strength. */
    public static final List<String> IAL_LEVELS = List.of("1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3");

    /** The AAL levels in increasing order of strength. */
    public static final List<String> AAL_LEVELS = List.of("1", "2.1", "2.2", "3");

    /** The weakest level: anyone signed in. */
    public static final Assurance LOWEST = new Assurance("1.1", "1");

    private static final Pattern ACR = Pattern.compile("urn:th:ial:([0-9.]{1,3}):aal:([0-9.]{1,3})");

    public Assurance {
        Objects.requireNonNull(ial, "ial");
        Objects.requireNonNull(aal, "aal");
        if (!IAL_LEVELS.contains(ial)) {
            throw new IllegalArgumentException("IAL must be one of " + IAL_LEVELS);
        }
        if (!AAL_LEVELS.contains(aal)) {
            throw new IllegalArgumentException("AAL must be one of " + AAL_LEVELS);
        }
    }

    /** True when a citizen at {@code held} may use something that needs this level. */
    public boolean isSatisfiedBy(Assurance held) {
        return IAL_LEVELS.indexOf(held.ial) >= IAL_LEVELS.indexOf(ial)
                && AAL_LEVELS.indexOf(held.aal) >= AAL_LEVELS.indexOf(aal);
    }

    /** The acr value that names this level in tokens and in RFC 9470 challenges. */
    public String acr() {
        return "urn:th:ial:" + ial + ":aal:" + aal;
    }

    /** The level an acr claim names, or empty when it is not of the form {@code urn:th:ial:<ial>:aal:<aal>}. */
    public static Optional<Assurance> fromAcr(String acr) {
        if (acr == null) {
            return Optional.empty();
        }
        Matcher m = ACR.matcher(acr);
        if (!m.matches() || !IAL_LEVELS.contains(m.group(1)) || !AAL_LEVELS.contains(m.group(2))) {
            return Optional.empty();
        }
        return Optional.of(new Assurance(m.group(1), m.group(2)));
    }
}
