package th.onecitizen.consent.purpose;

import java.util.Collection;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Data categories are snake_case names, optionally dotted ({@code health.vaccination}). The root of a name decides
 * whether it is sensitive under PDPA s26.
 */
public final class DataCategories {

    /** The s26 sensitive roots: race, opinions, belief, sexual behaviour, criminal record, health, disability,
     * trade union, genetic and biometric data. */
    public static final Set<String> SENSITIVE_ROOTS = Set.of("racial_ethnic_origin", "political_opinion", "religion",
            "belief", "sexual_behaviour", "criminal_record", "health", "disability", "trade_union", "genetic",
            "biometric");

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}(\\.[a-z][a-z0-9_]{0,40}){0,3}");

    private DataCategories() {
    }

    /** True when {@code category} is a well-formed category name. */
    public static boolean isWellFormed(String category) {
        return category != null && NAME.matcher(category).matches();
    }

    /** True when the category falls under s26. */
    public static boolean isSensitive(String category) {
        int dot = category.indexOf('.');
        return SENSITIVE_ROOTS.contains(dot < 0 ? category : category.substring(0, dot));
    }

    /** True when any of the categories falls under s26. */
    public static boolean anySensitive(Collection<String> categories) {
        return categories.stream().anyMatch(DataCategories::isSensitive);
    }
}
