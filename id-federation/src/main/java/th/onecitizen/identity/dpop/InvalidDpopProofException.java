package th.onecitizen.identity.dpop;

/** A DPoP proof was refused; the message is a fixed reason, never part of the proof. */
public final class InvalidDpopProofException extends RuntimeException {

    public InvalidDpopProofException(String reason) {
        super(reason, null, false, false);
    }
}
