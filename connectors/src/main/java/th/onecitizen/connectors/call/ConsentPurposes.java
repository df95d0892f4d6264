package th.onecitizen.connectors.call;

import th.onecitizen.registry.service.Operation;
import th.onecitizen.registry.service.ServiceDefinition;

/** Names the consent module's purpose for a registry operation (the bff maps one vocabulary onto the other). */
@FunctionalInterface
public interface ConsentPurposes {

    /** The consent purpose id the decision is asked for. */
    String purposeFor(ServiceDefinition service, Operation operation);
}
