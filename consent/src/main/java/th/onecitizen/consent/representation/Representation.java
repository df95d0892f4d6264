package th.onecitizen.consent.representation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A court-ordered representation (PDPA s20 para 3-4, R20.3): the custodian of an incompetent person or the curator
 * of a quasi-incompetent person consents and withdraws for the ward. Both are citizens, named by opaque subject
 * references.
 *
 * @param id                the representation
 * @param wardRef           the ward's opaque id
 * @param representativeRef the representative's opaque id
 * @param role              {@code custodian} or {@code curator}
 * @param authorityRef      the proof of authority: the court order's number
 * @param authorityDate     the court order's date
 * @param validFrom         from when it is in force
 * @param validUntil        until when it is in force (null: until revoked)
 * @param registeredBy      the operator who registered it
 * @param registeredAt      when
 * @param revokedBy         the operator who revoked it, or null
 * @param revokedAt         when, or null
 * @param revokeReason      why, or null
 * @param inForce           true while it is in force now
 */
public record Representation(UUID id, String wardRef, String representativeRef, String role, String authorityRef,
        LocalDate authorityDate, Instant validFrom, Instant validUntil, String registeredBy, Instant registeredAt,
        String revokedBy, Instant revokedAt, String revokeReason, boolean inForce) {

    /**
     * The proof of authority as the consent ledger records it (hash-chained with the event) and the receipt shows
     * it: {@code representation=<id>;representative=<ref>;proof=<court order>;dated=<date>}.
     */
    public String ledgerAuthority() {
        return "representation=" + id + ";representative=" + representativeRef + ";proof=" + authorityRef
                + ";dated=" + authorityDate;
    }

    /** The fields of a {@link #ledgerAuthority()} text, or an empty map for any other text. */
    public static Map<String, String> parseLedgerAuthority(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (text == null || !text.startsWith("representation=")) {
            return fields;
        }
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                fields.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return fields;
    }
}
