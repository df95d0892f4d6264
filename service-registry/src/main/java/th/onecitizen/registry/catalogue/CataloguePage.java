package th.onecitizen.registry.catalogue;

import java.util.List;
import java.util.Map;
import th.onecitizen.registry.service.ServiceDefinition;

/**
 * One page of search results.
 *
 * @param items  the services on this page, best match first
 * @param total  how many services match (all pages)
 * @param facets service counts per category among the text matches (before the category filter)
 * @param catalogueVersion the catalogue change sequence the answer was computed from (for ETags)
 */
public record CataloguePage(List<Hit> items, int total, Map<String, Integer> facets, long catalogueVersion) {

    /**
     * A matching service.
     *
     * @param service           the service
     * @param agencyName        the owning agency's name (Thai and English)
     * @param assuranceSuffices whether the citizen's assurance meets the service's, or null when not asked
     */
    public record Hit(ServiceDefinition service, th.onecitizen.registry.service.LocalizedText agencyName,
            Boolean assuranceSuffices) {
    }
}
