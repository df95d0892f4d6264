package th.onecitizen.consent.purpose;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import th.onecitizen.consent.ConsentError;
import th.onecitizen.consent.decision.LawfulBasis;
import th.onecitizen.platform.error.ProblemException;

/**
 * The PDPA rules a purpose must meet before it is published: a notice with every s23 field (R23.1), one lawful
 * basis with a legal reference and an approver when it is not consent (R24.1), sensitive categories only on
 * explicit consent or a recorded s26 exception (R26.1), and a lawful route for data that leaves Thailand (R28.1).
 */
public final class PurposeRules {

    /** The s26 exceptions that let sensitive data flow without explicit consent. */
    public static final Set<String> S26_EXCEPTIONS = Set.of("s26_1_vital_interest", "s26_2_foundation_members",
            "s26_3_publicly_disclosed", "s26_4_legal_claims", "s26_5_law");

    private static final Pattern PURPOSE_ID = Pattern.compile("[a-z][a-z0-9_.-]{2,79}");
    private static final Pattern THAI = Pattern.compile(".*[\\u0E00-\\u0E7F].*", Pattern.DOTALL);
    private static final Set<String> REQUIRED_BY = Set.of("law", "contract", "none");

    private PurposeRules() {
    }

    /** The purpose the draft describes, or a 422 {@code invalid_purpose} listing every violation. */
    public static Purpose validate(String id, PurposeDraft d, int noticeVersion) {
        List<String> v = new ArrayList<>();
        if (id == null || !PURPOSE_ID.matcher(id).matches()) {
            v.add("id must be 3-80 characters of a-z, 0-9, '.', '_' or '-', starting with a letter");
        }
        LawfulBasis basis = null;
        try {
            basis = LawfulBasis.ofCode(d.basis());
        } catch (IllegalArgumentException | NullPointerException e) {
            v.add("basis must be one of consent, research, vital_interest, contract, public_task, "
                    + "legitimate_interest, legal_obligation");
        }
        if (basis != null && basis != LawfulBasis.CONSENT && (blank(d.legalRef()) || blank(d.approvedBy()))) {
            v.add("a basis other than consent needs legal_ref and approved_by (R24.1)");
        }
        Set<String> categories = d.categories() == null ? Set.of() : d.categories();
        if (categories.isEmpty() || !categories.stream().allMatch(DataCategories::isWellFormed)) {
            v.add("categories must list at least one well-formed data category (R22.1)");
        } else if (DataCategories.anySensitive(categories) && basis != null && basis != LawfulBasis.CONSENT
                // Set.of(..).contains(null) throws: an absent exception is simply not one of them
                && (d.sensitiveException() == null || !S26_EXCEPTIONS.contains(d.sensitiveException()))) {
            v.add("sensitive categories need explicit consent or an s26 exception (sensitive_data_basis_missing)");
        }
        if (d.sensitiveException() != null && !S26_EXCEPTIONS.contains(d.sensitiveException())) {
            v.add("sensitive_exception must be one of " + S26_EXCEPTIONS.stream().sorted().toList());
        }
        CrossBorder crossBorder = crossBorder(d, basis, v);
        if (blank(d.agencyId())) {
            v.add("agency_id is required");
        }
        if (!REQUIRED_BY.contains(d.requiredBy())) {
            v.add("required_by must be law, contract or none (s23(2))");
        }
        if (d.retentionDays() < 1 || d.retentionDays() > 36_500) {
            v.add("retention_days must be between 1 and 36500 (s23(3))");
        }
        if (d.recipients() == null || d.recipients().isEmpty()) {
            v.add("recipients must name the recipient categories (s23(4))");
        }
        if (blank(d.securityMeasures())) {
            v.add("security_measures is required for the record of processing (s39(8))");
        }
        noticeText(d, v);
        if (!v.isEmpty()) {
            throw new ProblemException(ConsentError.INVALID_PURPOSE, String.join("; ", v), Map.of("violations", v));
        }
        return new Purpose(id, d.agencyId(), d.operations() == null ? List.of() : d.operations(), basis,
                d.legalRef(), d.approvedBy(), d.sensitiveException(), categories, d.recipients(), d.retentionDays(),
                crossBorder, d.crossBorderCountry(), d.minorMayConsentAlone(), d.requiredBy(),
                d.processors() == null ? List.of() : d.processors(), d.securityMeasures(), noticeVersion);
    }

    /**
     * Whether a revision must ask citizens again, whatever the operator declared: a new basis, new categories,
     * recipients or agency, a longer retention or a new transfer abroad always changes what a consent covered.
     */
    public static boolean isMaterial(Purpose before, Purpose after, boolean declared) {
        return declared || before.basis() != after.basis() || !before.categories().containsAll(after.categories())
                || !new HashSet<>(before.recipients()).containsAll(after.recipients())
                || !before.agencyId().equals(after.agencyId()) || after.retentionDays() > before.retentionDays()
                || before.crossBorder() != after.crossBorder();
    }

    /** A purpose that rested on consent may not switch to another basis (PDPC view on R24.1). */
    public static void checkBasisSwitch(Purpose before, Purpose after) {
        if (before.basis() == LawfulBasis.CONSENT && after.basis() != LawfulBasis.CONSENT) {
            throw new ProblemException(ConsentError.INVALID_PURPOSE,
                    "a purpose that rests on consent cannot switch to another basis (R24.1)",
                    Map.of("violations", List.of("basis switch from consent")));
        }
    }

    private static CrossBorder crossBorder(PurposeDraft d, LawfulBasis basis, List<String> v) {
        try {
            CrossBorder c = CrossBorder.ofCode(d.crossBorder());
            if (c != CrossBorder.NONE && blank(d.crossBorderCountry())) {
                v.add("cross_border_country is required when data leaves Thailand");
            }
            if (c == CrossBorder.INFORMED_CONSENT && basis != LawfulBasis.CONSENT) {
                v.add("cross_border informed_consent needs the consent basis (s28(2))");
            }
            return c;
        } catch (IllegalArgumentException | NullPointerException e) {
            v.add("cross_border must be none, adequate, safeguards, informed_consent or inadequate");
            return null;
        }
    }

    private static void noticeText(PurposeDraft d, List<String> v) {
        if (!bounded(d.titleTh(), 200) || !bounded(d.titleEn(), 200) || !bounded(d.bodyTh(), 8000)
                || !bounded(d.bodyEn(), 8000) || !bounded(d.refusalEffectTh(), 2000)
                || !bounded(d.refusalEffectEn(), 2000)) {
            v.add("the notice needs title, body and refusal_effect in Thai and English (s23), within length limits");
            return;
        }
        if (!THAI.matcher(d.titleTh()).matches() || !THAI.matcher(d.bodyTh()).matches()
                || !THAI.matcher(d.refusalEffectTh()).matches()) {
            v.add("the Thai notice fields must be written in Thai");
        }
    }

    private static boolean bounded(String s, int max) {
        return !blank(s) && s.length() <= max;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
