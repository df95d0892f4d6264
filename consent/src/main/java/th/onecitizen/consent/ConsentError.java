package th.onecitizen.consent;

import th.onecitizen.platform.error.ErrorSpec;
import th.onecitizen.platform.error.SpecifiedErrorCode;

/** The consent module's failures, each a stable snake_case code with its HTTP status. */
public enum ConsentError implements SpecifiedErrorCode {
    PURPOSE_NOT_FOUND("purpose_not_found", 404, "No such purpose"),
    CONSENT_NOT_FOUND("consent_not_found", 404, "No such consent"),
    PRIVACY_REQUEST_NOT_FOUND("privacy_request_not_found", 404, "No such privacy request"),
    BREACH_NOT_FOUND("breach_not_found", 404, "No such breach"),
    CONSENT_REQUIRED("consent_required", 403, "The citizen's consent is required"),
    CONSENT_NOT_EXPLICIT("consent_not_explicit", 400, "Consent must be given by an explicit act"),
    CONSENT_BUNDLED("consent_bundled", 400, "Consent must be asked for one purpose at a time"),
    NOTICE_VERSION_OUTDATED("notice_version_outdated", 409, "The notice shown is not the current version"),
    CONSENT_ALREADY_GIVEN("consent_already_given", 409, "Consent for this purpose is already active"),
    CONSENT_ALREADY_WITHDRAWN("consent_already_withdrawn", 409, "This consent is already withdrawn"),
    PURPOSE_NOT_CONSENT_BASED("purpose_not_consent_based", 409, "This purpose does not rest on consent"),
    MINOR_REQUIRES_GUARDIAN("minor_requires_guardian", 403,
            "The law requires the holder of parental responsibility, a custodian or a curator to consent"),
    AGE_UNVERIFIED("age_unverified", 403, "The verified date of birth is not available"),
    PROCESSING_RESTRICTED("processing_restricted", 403, "Processing of this citizen's data is restricted"),
    INVALID_PURPOSE("invalid_purpose", 422, "The purpose breaks a PDPA rule"),
    INVALID_STATUS_TRANSITION("invalid_status_transition", 409, "The request cannot move to that status"),
    REFUSAL_GROUND_REQUIRED("refusal_ground_required", 422, "A refusal needs a legal ground and reasons"),
    LEDGER_UNAVAILABLE("ledger_unavailable", 503, "The consent ledger is temporarily unavailable"),
    REPRESENTATIVE_REQUIRED("representative_required", 403,
            "A registered custodian or curator consents and withdraws for this citizen"),
    REPRESENTATION_NOT_FOUND("representation_not_found", 404, "No such representation"),
    PROCESSOR_NOT_FOUND("processor_not_found", 404, "No such processor");

    private final ErrorSpec spec;

    ConsentError(String code, int status, String title) {
        this.spec = new ErrorSpec(code, status, title);
    }

    @Override
    public ErrorSpec spec() {
        return spec;
    }
}
