package th.onecitizen.registry.catalogue;

import java.util.Locale;
import th.onecitizen.registry.service.Assurance;

/**
 * A catalogue search.
 *
 * @param text      free text in Thai or English (may be empty)
 * @param category  a category to filter by, or null
 * @param language  the language for names and ordering
 * @param page      1-based page
 * @param size      page size
 * @param assurance the signed-in citizen's assurance, or null to omit the "assurance suffices" flag
 */
public record CatalogueQuery(String text, String category, Locale language, int page, int size, Assurance assurance) {
}
