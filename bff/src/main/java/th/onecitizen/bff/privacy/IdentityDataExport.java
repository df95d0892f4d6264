package th.onecitizen.bff.privacy;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.dsar.ExportContributor;
import th.onecitizen.identity.assurance.Assurance;
import th.onecitizen.identity.citizen.CitizenDirectory;
import th.onecitizen.identity.citizen.CitizenProfile;

/**
 * Identity's part of an access or portability export (s30, s31; issue 6): the citizen's profile as the providers
 * asserted it (the same data {@code GET /v1/me} shows), each linked identity with the provider's own subject for the
 * person, what that provider asserted, when it was linked and the assurance of its last login, and the highest
 * assurance the citizen's links currently give. The citizen ID is exported masked (docs/pdpa.md, R30.1): the export
 * travels (downloads, transfers to other controllers) and the full number adds no information for its owner. The
 * bff composes it, since consent does not import identity.
 */
@Component
@Order(10)
final class IdentityDataExport implements ExportContributor {

    private final CitizenDirectory directory;

    IdentityDataExport(CitizenDirectory directory) {
        this.directory = directory;
    }

    @Override
    public String section() {
        return "identity";
    }

    @Override
    public Mono<Object> contribute(String subjectRef) {
        return directory.profile(subjectRef).map(IdentityDataExport::section)
                // erased (or never signed in): identity holds nothing about the subject
                .defaultIfEmpty(empty());
    }

    private static Object section(CitizenProfile p) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("name_th", p.nameTh());
        profile.put("name_en", p.nameEn());
        profile.put("birthdate", p.birthDate() == null ? null : p.birthDate().toString());
        profile.put("citizen_id_masked", p.maskedCitizenId());
        profile.put("citizen_id_held_as", "sealed with the citizen's own data key, with a keyed look-up hash");
        List<Map<String, Object>> links = p.sources().stream().map(IdentityDataExport::link).toList();
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("profile", profile);
        section.put("linked_identities", links);
        section.put("assurance", p.sources().stream().map(s -> new Assurance(s.ial(), s.aal()))
                .max(Comparator.comparingInt((Assurance a) -> Assurance.IALS.indexOf(a.ial()))
                        .thenComparingInt(a -> Assurance.AALS.indexOf(a.aal())))
                .map(IdentityDataExport::assurance).orElse(null));
        return section;
    }

    private static Map<String, Object> link(CitizenProfile.Source s) {
        Map<String, Object> asserted = new LinkedHashMap<>();
        asserted.put("name_th", s.claims().nameTh());
        asserted.put("name_en", s.claims().nameEn());
        asserted.put("birthdate", s.claims().birthDate() == null ? null : s.claims().birthDate().toString());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("provider", s.provider());
        m.put("provider_subject", s.subject());
        m.put("linked_at", instant(s.linkedAt()));
        m.put("last_login_at", instant(s.lastLoginAt()));
        m.put("assurance", assurance(new Assurance(s.ial(), s.aal())));
        m.put("asserted", asserted);
        return m;
    }

    /** RFC 3339 with seconds always present (an offset date-time's text drops zero seconds). */
    private static String instant(String offsetDateTime) {
        return java.time.OffsetDateTime.parse(offsetDateTime).toInstant().toString();
    }

    private static Map<String, Object> assurance(Assurance a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("acr", a.acr());
        m.put("ial", a.ial());
        m.put("aal", a.aal());
        return m;
    }

    private static Object empty() {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("profile", null);
        section.put("linked_identities", List.of());
        section.put("assurance", null);
        return section;
    }
}
