package th.onecitizen.bff.security;

import th.onecitizen.platform.error.ErrorSpec;
import th.onecitizen.platform.error.SpecifiedErrorCode;

/** Failures of authentication at the API that need their own code. */
public enum IdentityError implements SpecifiedErrorCode {
    INVALID_DPOP_PROOF("invalid_dpop_proof", 401, "The DPoP proof is invalid"),
    INSUFFICIENT_USER_AUTHENTICATION("insufficient_user_authentication", 401,
            "A stronger authentication is required");

    private final ErrorSpec spec;

    IdentityError(String code, int status, String title) {
        this.spec = new ErrorSpec(code, status, title);
    }

    @Override
    public ErrorSpec spec() {
        return spec;
    }
}
