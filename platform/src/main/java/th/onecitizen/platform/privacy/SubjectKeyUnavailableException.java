package th.onecitizen.platform.privacy;

/** The subject has no data key (any more): what was sealed for it cannot be opened. */
public final class SubjectKeyUnavailableException extends RuntimeException {

    public SubjectKeyUnavailableException() {
        super("The subject's data key does not exist (erased or never created)", null, false, false);
    }
}
