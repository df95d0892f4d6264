package th.onecitizen.identity.citizen;

/**
 * A login or link that would merge or move identities and is therefore refused (and audited). The reason is a
 * stable snake_case code; the message never names the citizen ID.
 */
public final class IdentityConflictException extends RuntimeException {

    private final String reason;

    public IdentityConflictException(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    /** {@code citizen_id_changed}, {@code provider_already_linked}, {@code link_requires_verification}, ... */
    public String reason() {
        return reason;
    }
}
