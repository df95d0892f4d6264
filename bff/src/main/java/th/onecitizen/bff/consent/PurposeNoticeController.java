package th.onecitizen.bff.consent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.ConsentError;
import th.onecitizen.consent.config.ConsentProperties;
import th.onecitizen.consent.purpose.NoticeDocument;
import th.onecitizen.consent.purpose.PublishedPurpose;
import th.onecitizen.consent.purpose.PurposeCatalog;
import th.onecitizen.platform.error.ProblemException;

/**
 * The notice a citizen is shown before choosing (s23): the current version of one purpose, in Thai and English,
 * as the full text whose hash the consent binds to, with the version to send back in the grant (R19.2, R19.3).
 */
@RestController
public final class PurposeNoticeController {

    private final PurposeCatalog purposes;
    private final ConsentProperties properties;

    public PurposeNoticeController(PurposeCatalog purposes, ConsentProperties properties) {
        this.purposes = purposes;
        this.properties = properties;
    }

    @GetMapping(path = "/v1/purposes/{purposeId}/notice", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> notice(@PathVariable String purposeId) {
        return purposes.find(purposeId)
                .switchIfEmpty(Mono.error(() -> new ProblemException(ConsentError.PURPOSE_NOT_FOUND,
                        "No purpose with this id")))
                .map(this::document);
    }

    private Map<String, Object> document(PublishedPurpose pp) {
        var p = pp.purpose();
        var n = pp.notice();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("purpose_id", p.id());
        doc.put("agency_id", p.agencyId());
        doc.put("basis", p.basis().code());
        doc.put("categories", List.copyOf(new TreeSet<>(p.categories())));
        doc.put("sensitive", p.sensitive());
        doc.put("notice_version", n.version());
        doc.put("dpo_contact", properties.controller().dpoContact());
        doc.put("th", Map.of("title", n.titleTh(), "text", NoticeDocument.render(p, n.titleTh(), n.bodyTh(),
                n.refusalEffectTh(), "th", properties.controller()), "text_hash", n.hashTh()));
        doc.put("en", Map.of("title", n.titleEn(), "text", NoticeDocument.render(p, n.titleEn(), n.bodyEn(),
                n.refusalEffectEn(), "en", properties.controller()), "text_hash", n.hashEn()));
        // the one choice the app offers, unticked: the citizen's own act sets explicit_act (R19.2)
        doc.put("choice", Map.of("purpose_id", p.id(), "notice_version", n.version(), "default", false));
        return doc;
    }
}
