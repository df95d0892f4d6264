package th.onecitizen.identity.assurance;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An identity (IAL) and authentication (AAL) assurance level on the Thai scale, and its {@code acr} form
 * {@code urn:th:ial:<ial>:aal:<aal>}. An {@code acr_values} entry may also name only an IAL ({@code urn:th:ial:2.3}),
 * meaning any AAL.
 *
 * @param ial one of {@link #IALS}
 * @param aal one of {@link #AALS}
 */
public record Assurance(String ial, String aal) {

    /** IAL levels in increasing order. */
    public static final List<String> IALS = List.of("1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3");
    /** AAL levels in increasing order. */
    public static final List<String> AALS = List.of("1", "2.1", "2.2", "3");
    /** The lowest level: what nothing at all asserts. */
    public static final Assurance LOWEST = new Assurance("1.1", "1");

    private static final Pattern ACR = Pattern.compile("urn:th:ial:([0-9.]{1,3})(?::aal:([0-9.]{1,3}))?");

    public Assurance {
        Objects.requireNonNull(ial, "ial");
        Objects.requireNonNull(aal, "aal");
        if (!IALS.contains(ial) || !AALS.contains(aal)) {
            throw new IllegalArgumentException("Not a level of the Thai scale");
        }
    }

    /** Parses a level as providers write it ({@code "2.3"}, {@code 2.3}, {@code "3.0"}, {@code "2"}). */
    public static Optional<String> normaliseIal(Object value) {
        return normalise(value, IALS);
    }

    /** Parses an AAL as providers write it. */
    public static Optional<String> normaliseAal(Object value) {
        return normalise(value, AALS);
    }

    private static Optional<String> normalise(Object value, List<String> scale) {
        if (value == null) {
            return Optional.empty();
        }
        String s = value.toString().trim();
        if (scale.contains(s)) {
            return Optional.of(s);
        }
        if (s.endsWith(".0") && scale.contains(s.substring(0, s.length() - 2))) {
            return Optional.of(s.substring(0, s.length() - 2));
        }
        return Optional.empty();
    }

    /** Parses an {@code acr} or {@code acr_values} entry; empty when it is not one of ours. */
    public static Optional<Assurance> fromAcr(String acr) {
        if (acr == null) {
            return Optional.empty();
        }
        Matcher m = ACR.matcher(acr);
        if (!m.matches() || !IALS.contains(m.group(1)) || (m.group(2) != null && !AALS.contains(m.group(2)))) {
            return Optional.empty();
        }
        return Optional.of(new Assurance(m.group(1), m.group(2) == null ? "1" : m.group(2)));
    }

    /** The {@code acr} claim value. */
    public String acr() {
        return "urn:th:ial:" + ial + ":aal:" + aal;
    }

    /** True when this level is at least {@code required} on both axes. */
    public boolean satisfies(Assurance required) {
        return IALS.indexOf(ial) >= IALS.indexOf(required.ial) && AALS.indexOf(aal) >= AALS.indexOf(required.aal);
    }

    /** The lower of two levels on each axis (a login is as strong as its weakest part). */
    public Assurance min(Assurance other) {
        return new Assurance(IALS.indexOf(ial) <= IALS.indexOf(other.ial) ? ial : other.ial,
                AALS.indexOf(aal) <= AALS.indexOf(other.aal) ? aal : other.aal);
    }
}
