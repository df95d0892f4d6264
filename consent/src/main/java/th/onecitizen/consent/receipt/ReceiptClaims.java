package th.onecitizen.consent.receipt;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import th.onecitizen.consent.config.ConsentProperties;
import th.onecitizen.consent.ledger.LedgerEntry;
import th.onecitizen.consent.purpose.Notice;
import th.onecitizen.consent.purpose.Purpose;
import th.onecitizen.consent.representation.Representation;

/**
 * The claims of a consent receipt, after the Kantara Consent Receipt v1.1 and ISO/IEC TS 27560 record fields. The
 * subject appears only as its opaque reference, never as a citizen ID (S-PV-05).
 */
public final class ReceiptClaims {

    /** The receipt format version. */
    public static final String VERSION = "onecitizen-consent-receipt/1 (KI-CR-v1.1.0, ISO/IEC TS 27560)";

    private ReceiptClaims() {
    }

    /** The claims for the state the ledger entry moved the consent to. */
    public static JWTClaimsSet of(UUID receiptId, String state, Purpose purpose, Notice notice, LedgerEntry entry,
            ConsentProperties.Controller controller, String issuer, Instant issuedAt) {
        Map<String, Object> controllerClaim = new LinkedHashMap<>();
        controllerClaim.put("name", controller.name());
        controllerClaim.put("contact", controller.contact());
        controllerClaim.put("dpo_contact", controller.dpoContact());
        Map<String, Object> purposeClaim = new LinkedHashMap<>();
        purposeClaim.put("purpose_id", purpose.id());
        purposeClaim.put("title", "th".equals(entry.language()) ? notice.titleTh() : notice.titleEn());
        purposeClaim.put("basis", purpose.basis().code());
        purposeClaim.put("consent_type", "explicit");
        purposeClaim.put("categories", List.copyOf(new TreeSet<>(entry.categories())));
        purposeClaim.put("sensitive", purpose.sensitive());
        purposeClaim.put("recipients", List.of(Map.of("agency_id", purpose.agencyId(), "categories",
                purpose.recipients())));
        purposeClaim.put("retention_days", purpose.retentionDays());
        purposeClaim.put("cross_border", purpose.crossBorder().code());
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("role", entry.actorRole());
        if (entry.guardianRole() != null) {
            actor.put("guardian_role", entry.guardianRole());
        }
        // a custodian or curator is named with the representation and the court order it rests on (R20.3)
        Map<String, String> representation = Representation.parseLedgerAuthority(entry.authorityRef());
        if (!representation.isEmpty()) {
            actor.put("representative", representation.get("representative"));
            actor.put("representation_id", representation.get("representation"));
            actor.put("authority_ref", representation.get("proof"));
            actor.put("authority_date", representation.get("dated"));
        }
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(entry.subjectRef())
                .jwtID(receiptId.toString())
                .issueTime(Date.from(issuedAt))
                .claim("version", VERSION)
                .claim("jurisdiction", "TH")
                .claim("receipt_id", receiptId.toString())
                .claim("record_id", entry.recordId().toString())
                .claim("consent_id", entry.consentId().toString())
                .claim("state", state)
                .claim("event", Map.of("type", entry.event(), "at", entry.at().toString(), "channel",
                        entry.channel(), "steps", entry.steps()))
                .claim("collection_method", entry.channel())
                .claim("language", entry.language())
                .claim("notice", Map.of("purpose_id", purpose.id(), "version", entry.noticeVersion(), "text_hash",
                        entry.textHash()))
                .claim("pii_controllers", List.of(controllerClaim))
                .claim("purposes", List.of(purposeClaim))
                .claim("actor", actor)
                .claim("ledger", Map.of("seq", entry.seq(), "hash", entry.hash()))
                .claim("withdraw_uri", issuer + "/v1/me/consents/" + entry.consentId() + "/withdraw")
                .build();
    }
}
