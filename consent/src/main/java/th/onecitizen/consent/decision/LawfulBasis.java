package th.onecitizen.consent.decision;

/** The lawful basis of a processing purpose under PDPA s24 (and s26 for sensitive data). */
public enum LawfulBasis {
    /** s19 / s26: the data subject's consent (explicit consent for sensitive data). */
    CONSENT("consent"),
    /** s24(1): archives, research or statistics. */
    RESEARCH("research"),
    /** s24(2): preventing or suppressing a danger to life, body or health. */
    VITAL_INTEREST("vital_interest"),
    /** s24(3): performance of a contract with the data subject. */
    CONTRACT("contract"),
    /** s24(4): a task in the public interest or the exercise of official authority. */
    PUBLIC_TASK("public_task"),
    /** s24(5): legitimate interests of the controller. */
    LEGITIMATE_INTEREST("legitimate_interest"),
    /** s24(6): compliance with a legal obligation. */
    LEGAL_OBLIGATION("legal_obligation");

    private final String code;

    LawfulBasis(String code) {
        this.code = code;
    }

    /** The stable snake_case code used in the API and in records. */
    public String code() {
        return code;
    }

    /** The basis for a code, or an exception naming the valid codes. */
    public static LawfulBasis ofCode(String code) {
        for (LawfulBasis b : values()) {
            if (b.code.equals(code)) {
                return b;
            }
        }
        throw new IllegalArgumentException("Unknown lawful basis: " + code);
    }
}
