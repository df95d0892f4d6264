package th.onecitizen.registry;

import th.onecitizen.platform.error.ErrorSpec;
import th.onecitizen.platform.error.SpecifiedErrorCode;

/** The registry's stable failure codes: onboarding validation, ownership and lifecycle. */
public enum RegistryError implements SpecifiedErrorCode {
    SERVICE_NOT_FOUND("service_not_found", 404, "No such service"),
    OPERATION_NOT_FOUND("operation_not_found", 404, "No such operation"),
    AGENCY_NOT_FOUND("agency_not_found", 404, "No such agency"),
    SERVICE_EXISTS("service_exists", 409, "A service with this id already exists"),
    VERSION_MISMATCH("version_mismatch", 412, "The service changed since it was read"),
    INVALID_TRANSITION("invalid_lifecycle_transition", 409, "The service cannot move to that state from its current one"),
    SELF_APPROVAL_FORBIDDEN("self_approval_forbidden", 403, "An agency cannot approve its own service"),
    INVALID_SERVICE("invalid_service", 422, "The service definition is invalid"),
    TARGET_SCHEME_FORBIDDEN("target_scheme_forbidden", 422, "The target URL must use HTTPS"),
    TARGET_USERINFO_FORBIDDEN("target_userinfo_forbidden", 422, "The target URL must not carry credentials"),
    TARGET_URL_INVALID("target_url_invalid", 422, "The target URL is not a valid absolute URL"),
    TARGET_HOST_INVALID("target_host_invalid", 422, "The target host is not a valid host name or canonical address"),
    TARGET_ADDRESS_FORBIDDEN("target_address_forbidden", 422, "The target resolves to an address the platform must not call"),
    TARGET_UNRESOLVABLE("target_unresolvable", 422, "The target host does not resolve"),
    SCHEMA_INVALID("schema_invalid", 422, "A request or response schema is malformed"),
    PURPOSE_UNKNOWN("purpose_unknown", 422, "The operation names a purpose the platform does not know"),
    PURPOSE_NOT_JUSTIFIED("purpose_not_justified", 422, "The operation asks for data categories its purpose does not justify"),
    LAWFUL_BASIS_INVALID("lawful_basis_invalid", 422, "The lawful basis is unknown or not enough for the data categories"),
    ASSURANCE_INVALID("assurance_invalid", 422, "The assurance level is not on the Thai IAL/AAL scale");

    private final ErrorSpec spec;

    RegistryError(String code, int status, String title) {
        this.spec = new ErrorSpec(code, status, title);
    }

    @Override
    public ErrorSpec spec() {
        return spec;
    }
}
