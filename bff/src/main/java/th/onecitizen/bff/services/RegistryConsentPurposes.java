package th.onecitizen.bff.services;

import org.springframework.stereotype.Component;
import th.onecitizen.connectors.call.ConsentPurposes;
import th.onecitizen.registry.service.Operation;
import th.onecitizen.registry.service.ServiceDefinition;

/**
 * Maps the registry's processing purposes onto the consent module's. A consent purpose names exactly one recipient
 * agency, while a registry purpose ({@code civil_registration}, {@code tax_administration}, ... in
 * {@code config/registry.yml}) is shared by every agency that processes for it; so the consent purpose of an
 * operation is {@code <agency>.<registry purpose>} ({@code dopa.civil_registration}). The demo registers those
 * purposes with their notices at start-up ({@code DemoConsentPurposes}); in production the DPO registers them
 * through the consent module's admin API when a service is approved.
 */
@Component
public final class RegistryConsentPurposes implements ConsentPurposes {

    @Override
    public String purposeFor(ServiceDefinition service, Operation operation) {
        return of(service.agencyId(), operation.purposeId());
    }

    /** The consent purpose id for an agency's registry purpose. */
    public static String of(String agencyId, String registryPurpose) {
        return agencyId + "." + registryPurpose;
    }
}
