package th.onecitizen.registry.validation;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which data categories each processing purpose justifies (PDPA s22, data minimisation), and which categories are
 * sensitive (s26) and so need explicit consent or a vital-interest basis. An operation may move only categories
 * its purpose justifies.
 */
public final class PurposePolicy {

    /** The lawful-basis codes of PDPA s24/s26 that an operation may name. */
    public static final Set<String> LAWFUL_BASES = Set.of("consent", "research", "vital_interest", "contract",
            "public_task", "legitimate_interest", "legal_obligation");

    /** Bases under which sensitive categories may flow (s26: explicit consent, vital interest, or a law). */
    private static final Set<String> SENSITIVE_BASES = Set.of("consent", "vital_interest", "legal_obligation");

    private final Map<String, Set<String>> purposes;
    private final Set<String> sensitive;

    public PurposePolicy(Map<String, Set<String>> purposes, Set<String> sensitive) {
        this.purposes = Map.copyOf(purposes);
        this.sensitive = Set.copyOf(sensitive);
    }

    /** True when the purpose is registered. */
    public boolean knows(String purposeId) {
        return purposes.containsKey(purposeId);
    }

    /** The categories the purpose does not justify (empty when all are justified). */
    public Set<String> unjustified(String purposeId, Set<String> categories) {
        Set<String> allowed = purposes.getOrDefault(purposeId, Set.of());
        Set<String> extra = new TreeSet<>(categories);
        extra.removeAll(allowed);
        return extra;
    }

    /** True when a sensitive category would flow under a basis that s26 does not accept for it. */
    public boolean needsStrongerBasis(String lawfulBasis, Set<String> categories) {
        return categories.stream().anyMatch(sensitive::contains) && !SENSITIVE_BASES.contains(lawfulBasis);
    }

    /** The registered purposes and what each justifies. */
    public Map<String, Set<String>> purposes() {
        return purposes;
    }
}
