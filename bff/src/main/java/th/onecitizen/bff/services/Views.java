package th.onecitizen.bff.services;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import th.onecitizen.registry.catalogue.CataloguePage;
import th.onecitizen.registry.service.Assurance;

/** JSON views of catalogue entries, in the caller's language. */
final class Views {

    private static final List<Locale> SUPPORTED = List.of(Locale.forLanguageTag("th"), Locale.ENGLISH);

    private Views() {
    }

    /** Thai or English from Accept-Language; Thai when neither is asked for (the app's home language). */
    static Locale language(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return SUPPORTED.get(0);
        }
        try {
            Locale l = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return l == null ? SUPPORTED.get(0) : l;
        } catch (IllegalArgumentException e) {
            return SUPPORTED.get(0);
        }
    }

    static Map<String, Object> summary(CataloguePage.Hit hit, Locale lang, Assurance citizen) {
        var s = hit.service();
        var c = s.content();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", c.name().in(lang));
        m.put("description", c.description().in(lang));
        m.put("agency", Map.of("id", s.agencyId(), "name", hit.agencyName().in(lang)));
        m.put("category", c.category());
        m.put("tags", c.tags().stream().sorted().toList());
        m.put("min_acr", c.minAssurance().acr());
        Boolean suffices = hit.assuranceSuffices() != null ? hit.assuranceSuffices()
                : citizen == null ? null : c.minAssurance().isSatisfiedBy(citizen);
        m.put("assurance_suffices", suffices != null && suffices);
        m.put("version", s.version());
        return m;
    }

    static String printable(String s) {
        String cut = s.length() > 64 ? s.substring(0, 64) : s;
        return cut.replaceAll("[\\p{Cntrl}\\p{Cf}]", "?");
    }
}
