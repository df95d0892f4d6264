package th.onecitizen.consent.dsar;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A data subject's request under PDPA s30-s36, with its legal deadline and history.
 *
 * @param id             the request id
 * @param type           access, portability, objection, erasure, restriction or rectification
 * @param requesterRole  self or representative
 * @param channel        where it was filed
 * @param purposeId      the purpose objected to, when the objection is not to all processing
 * @param details        the citizen's text (e.g. what to correct); anonymised by retention once closed
 * @param receivedAt     when it arrived
 * @param verifiedAt     when the requester's identity was verified
 * @param legalDeadline  the deadline, received_at + 30 days or an extension
 * @param status         received, in_progress, fulfilled or refused
 * @param outcome        what was done, or kept and why
 * @param closedAt       when it closed
 * @param overdue        true when still open past its deadline
 * @param history        the status history
 * @param refusals       grounds and reasons of a refusal (s30, s36, s39(7))
 */
public record PrivacyRequest(UUID id, String type, String requesterRole, String channel, String purposeId,
        String details, Instant receivedAt, Instant verifiedAt, Instant legalDeadline, String status, String outcome,
        Instant closedAt, boolean overdue, List<Event> history, List<RefusalGround> refusals) {

    /**
     * A status change.
     *
     * @param status the new status
     * @param note   why
     * @param actor  {@code citizen}, {@code system} or the DPO
     * @param at     when
     */
    public record Event(String status, String note, String actor, Instant at) {
    }

    /**
     * A recorded ground for refusing.
     *
     * @param ground the legal ground (e.g. {@code s30_court_order})
     * @param text   the reasons
     */
    public record RefusalGround(String ground, String text) {
    }
}
