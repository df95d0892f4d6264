package th.onecitizen.connectors.runtime;

import th.onecitizen.connectors.ConnectorError;

/**
 * A failed agency call as the resilience layer sees it: whether the circuit breaker counts it (the agency is
 * unwell) and whether retrying an idempotent operation might help.
 */
final class AgencyFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ConnectorError error;
    private final boolean counts;
    private final boolean retryable;

    AgencyFailure(ConnectorError error, String detail, boolean counts, boolean retryable) {
        super(detail, null, false, false);
        this.error = error;
        this.counts = counts;
        this.retryable = retryable;
    }

    ConnectorError error() {
        return error;
    }

    boolean counts() {
        return counts;
    }

    boolean retryable() {
        return retryable;
    }
}
