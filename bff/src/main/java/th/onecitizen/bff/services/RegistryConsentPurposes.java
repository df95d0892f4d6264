package th.onecitizen.bff.services;

import org.springframework.stereotype.Component;
import th.onecitizen.connectors.call.ConsentPurposes;
import th.onecitizen.registry.service.Operation;
import th.onecitizen.registry.service.ServiceDefinition;

/**
 * Maps the registry's processing purposes onto the consent module's: one registry purpose is one consent purpose
 * with the same id ({@code civil_registration}, {@code tax_administration}, ... in {@code config/registry.yml}), so
 * the consent module must register each of those ids with its notice text and lawful basis.
 */
@Component
public final class RegistryConsentPurposes implements ConsentPurposes {

    @Override
    public String purposeFor(ServiceDefinition service, Operation operation) {
        return operation.purposeId();
    }
}
