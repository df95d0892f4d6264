package th.onecitizen.bff.security;

import th.onecitizen.platform.error.ErrorCode;

/** Failures of authentication at the API that need their own code. */
public enum IdentityError implements ErrorCode {
    INVALID_DPOP_PROOF("invalid_dpop_proof", 401, "The DPoP proof is invalid"),
    INSUFFICIENT_USER_AUTHENTICATION("insufficient_user_authentication", 401,
            "A stronger authentication is required");

    private final String code;
    private final int status;
    private final String title;

    IdentityError(String code, int status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
