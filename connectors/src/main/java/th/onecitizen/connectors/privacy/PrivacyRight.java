package th.onecitizen.connectors.privacy;

import java.util.function.Function;
import th.onecitizen.registry.service.ConnectorSpec;

/** The kinds of data-subject-rights request an agency may take, each at its own declared endpoint. */
public enum PrivacyRight {
    /** s30/s31: what does the agency hold about the citizen? */
    ACCESS("privacy-access", ConnectorSpec.PrivacyEndpoints::accessPath),
    /** s35: a correction the citizen obtained. */
    CORRECTION("privacy-correction", ConnectorSpec.PrivacyEndpoints::correctionPath),
    /** s31: a citizen's export sent directly to this controller. */
    PORTABILITY_RECEIVE("privacy-portability-receive", ConnectorSpec.PrivacyEndpoints::portabilityReceivePath);

    private final String operationId;
    private final Function<ConnectorSpec.PrivacyEndpoints, String> path;

    PrivacyRight(String operationId, Function<ConnectorSpec.PrivacyEndpoints, String> path) {
        this.operationId = operationId;
        this.path = path;
    }

    /** The operation id in the citizen assertion and the access log. */
    public String operationId() {
        return operationId;
    }

    /** The path the connector declares for this right, or null. */
    String path(ConnectorSpec spec) {
        return spec.privacy() == null ? null : path.apply(spec.privacy());
    }
}
