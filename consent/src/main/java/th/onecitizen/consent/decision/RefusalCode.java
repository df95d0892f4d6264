package th.onecitizen.consent.decision;

import th.onecitizen.platform.error.ErrorCode;

/** The reason codes of a {@link Refusal}; each maps to a 403 problem when a caller turns it into an error. */
public enum RefusalCode implements ErrorCode {
    CONSENT_REQUIRED("consent_required", "The citizen has not consented to this purpose"),
    CONSENT_WITHDRAWN("consent_withdrawn", "The citizen withdrew consent for this purpose"),
    CONSENT_RENEWAL_REQUIRED("consent_renewal_required", "The notice changed materially; consent must be asked again"),
    PURPOSE_UNKNOWN("purpose_unknown", "No such registered purpose"),
    PURPOSE_MISMATCH("purpose_mismatch", "The agency or data categories are outside the purpose"),
    SENSITIVE_DATA_BASIS_MISSING("sensitive_data_basis_missing",
            "Sensitive data needs explicit consent or a recorded s26 exception"),
    CROSS_BORDER_NOT_ALLOWED("cross_border_not_allowed", "The destination abroad has no lawful transfer route"),
    PROCESSING_RESTRICTED("processing_restricted", "The citizen restricted processing of their data"),
    PROCESSING_OBJECTED("processing_objected", "The citizen objected to this processing"),
    MINOR_REQUIRES_GUARDIAN("minor_requires_guardian",
            "The law requires the holder of parental responsibility, a custodian or a curator to consent"),
    AGE_UNVERIFIED("age_unverified", "The verified date of birth is not available");

    private final String code;
    private final String title;

    RefusalCode(String code, String title) {
        this.code = code;
        this.title = title;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return 403;
    }

    @Override
    public String title() {
        return title;
    }

    /** A refusal with this code. */
    public Refusal refusal(String detail, String purposeId) {
        return new Refusal(code, detail, purposeId);
    }

    /** The code for a refusal's code string. */
    public static RefusalCode of(String code) {
        for (RefusalCode c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("Unknown refusal code: " + code);
    }
}
