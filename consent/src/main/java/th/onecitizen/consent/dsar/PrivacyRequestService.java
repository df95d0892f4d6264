package th.onecitizen.consent.dsar;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.ConsentError;
import th.onecitizen.consent.Page;
import th.onecitizen.consent.config.Sql;
import th.onecitizen.consent.decision.DecisionVersions;
import th.onecitizen.consent.grant.ConsentService;
import th.onecitizen.platform.error.CommonError;
import th.onecitizen.platform.error.ProblemException;

/**
 * Privacy requests (s30-s36): filing with the legal deadline, effects that must be immediate (objection and
 * restriction stop processing in the decision path at commit; erasure runs at once for the citizen's own
 * request), the DPO's queue, refusals with grounds, extensions with a legal reference, and the export.
 */
public final class PrivacyRequestService {

    /** The request types of s30-s36. */
    public static final Set<String> TYPES = Set.of("access", "portability", "objection", "erasure", "restriction",
            "rectification");
    /** s30 para 3: a request is answered within 30 days of receipt. */
    public static final Duration LEGAL_PERIOD = Duration.ofDays(30);
    /** The schema every export declares. */
    public static final String EXPORT_SCHEMA = "urn:onecitizen:schema:privacy-export:1";

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final DecisionVersions versions;
    private final ConsentService consents;
    private final List<ExportContributor> exporters;
    private final List<ErasureContributor> erasers;
    private final Clock clock;
    private final SealedText details;

    public PrivacyRequestService(DatabaseClient db, TransactionalOperator tx, DecisionVersions versions,
            ConsentService consents, List<ExportContributor> exporters, List<ErasureContributor> erasers,
            Clock clock, SealedText details) {
        this.details = details;
        this.db = db;
        this.tx = tx;
        this.versions = versions;
        this.consents = consents;
        this.exporters = List.copyOf(exporters);
        this.erasers = List.copyOf(erasers);
        this.clock = clock;
    }

    /**
     * A request being filed.
     *
     * @param subjectRef    the citizen (from the token)
     * @param type          the type
     * @param requesterRole self or representative
     * @param proofRef      the representative's proof of authority
     * @param purposeId     for an objection to one purpose; null objects to all processing
     * @param details       free text (required for rectification)
     * @param channel       the channel
     */
    public record Filing(String subjectRef, String type, String requesterRole, String proofRef, String purposeId,
            String details, String channel) {
    }

    /** Where a representative's proof reference is sealed (with the subject's key, like the details). */
    static final String PROOF_CONTEXT = "consent.privacy_request.proof_ref";
    /** Where a DPO's note is sealed in the request's history. */
    static final String NOTE_CONTEXT = "consent.privacy_request_event.note";
    /** Where a DPO's closing text is sealed as the request's outcome. */
    static final String OUTCOME_CONTEXT = "consent.privacy_request.outcome";

    /** Files a request; objection and restriction take effect in the decision path when this commits. */
    public Mono<PrivacyRequest> file(Filing f) {
        return Mono.defer(() -> {
            check(f);
            return Mono.zip(stored(details, f.subjectRef(), f.details()),
                    stored(details.withContext(PROOF_CONTEXT), f.subjectRef(), f.proofRef()))
                    .flatMap(t -> file(f, t.getT1().orElse(null), t.getT2().orElse(null)));
        });
    }

    private static Mono<java.util.Optional<String>> stored(SealedText sealer, String subjectRef, String text) {
        return sealer.seal(subjectRef, text).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty());
    }

    private Mono<PrivacyRequest> file(Filing f, String storedDetails, String storedProof) {
        return Mono.defer(() -> {
            UUID id = UUID.randomUUID();
            Instant now = now();
            boolean self = "self".equals(f.requesterRole());
            boolean limits = "objection".equals(f.type()) || "restriction".equals(f.type());
            Mono<Long> insert = Sql.bind(Sql.bind(Sql.bind(Sql.bind(db.sql("INSERT INTO consent.privacy_request (id, "
                    + "subject_ref, type, requester_role, proof_ref, channel, purpose_id, details, received_at, "
                    + "verified_at, legal_deadline, status) VALUES (:id, :s, :type, :role, :proof, :channel, :p, "
                    + ":details, :at, :verified, :deadline, 'received')").bind("id", id).bind("s", f.subjectRef())
                    .bind("type", f.type()).bind("role", f.requesterRole()).bind("channel", f.channel())
                    .bind("at", Sql.ts(now)).bind("deadline", Sql.ts(now.plus(LEGAL_PERIOD))), "proof", storedProof,
                    String.class), "p", f.purposeId(), String.class), "details", storedDetails, String.class),
                    "verified", self ? Sql.ts(now) : null, java.time.OffsetDateTime.class).fetch().rowsUpdated();
            Mono<Long> effect = limits && self ? applyLimit(f) : Mono.just(-1L);
            Mono<Void> before = limits && self ? versions.beforeChange(f.subjectRef()).onErrorMap(e ->
                    new ProblemException(CommonError.SERVICE_UNAVAILABLE, "The request cannot be filed right now"))
                    : Mono.empty();
            return before.then(insert.then(event(id, "received", "filed", "citizen", now)).then(effect)
                    .as(tx::transactional))
                    .flatMap(version -> version < 0 ? Mono.empty() : versions.afterChange(f.subjectRef(), version))
                    .then(self ? process(id, f) : Mono.empty())
                    .then(get(f.subjectRef(), id));
        });
    }

    private Mono<Void> process(UUID id, Filing f) {
        return switch (f.type()) {
            case "erasure" -> erase(f.subjectRef()).flatMap(outcome -> close(id, "fulfilled", outcome, "system"));
            case "access", "portability" -> close(id, "fulfilled", "The export is ready at /v1/me/privacy-requests/"
                    + id + "/export (JSON, schema " + EXPORT_SCHEMA + ")", "system");
            case "objection", "restriction" -> move(id, "in_progress", "Effective at once in every decision; the DPO "
                    + "reviews whether a recorded ground overrides it", "system");
            default -> Mono.empty();
        };
    }

    private Mono<Long> applyLimit(Filing f) {
        boolean restriction = "restriction".equals(f.type());
        boolean all = !restriction && f.purposeId() == null;
        String[] purposes = restriction || all ? new String[0] : new String[] {f.purposeId()};
        return db.sql("INSERT INTO consent.subject_state (subject_ref, version, restricted, objected_all, "
                + "objected_purposes) VALUES (:s, 1, :r, :all, :p) ON CONFLICT (subject_ref) DO UPDATE SET "
                + "version = subject_state.version + 1, restricted = subject_state.restricted OR :r, "
                + "objected_all = subject_state.objected_all OR :all, objected_purposes = ARRAY(SELECT DISTINCT "
                + "unnest(subject_state.objected_purposes || :p)), updated_at = now() RETURNING version")
                .bind("s", f.subjectRef()).bind("r", restriction).bind("all", all).bind("p", purposes)
                .map(r -> r.get(0, Long.class)).one();
    }

    private Mono<String> erase(String subjectRef) {
        return consents.withdrawAll(subjectRef, "privacy_request")
                .flatMap(n -> Flux.fromIterable(erasers).concatMap(e -> e.erase(subjectRef)).collectList()
                        .map(reports -> {
                            StringBuilder sb = new StringBuilder("Consents withdrawn: " + n + ".");
                            for (ErasureContributor.ErasureReport r : reports) {
                                sb.append(' ').append(r.holder()).append(": erased ").append(r.erased())
                                        .append("; kept ").append(r.kept()).append('.');
                            }
                            return sb.toString();
                        }));
    }

    /** The subject's own request, or a 404 that says nothing about anyone else's. */
    public Mono<PrivacyRequest> get(String subjectRef, UUID id) {
        return db.sql("SELECT * FROM consent.privacy_request WHERE id = :id AND subject_ref = :s").bind("id", id)
                .bind("s", subjectRef).map(r -> read(r)).one().flatMap(this::opened)
                .switchIfEmpty(Mono.error(() -> new ProblemException(ConsentError.PRIVACY_REQUEST_NOT_FOUND,
                        "No such privacy request")));
    }

    /** The subject's requests, newest first. */
    public Mono<Page<PrivacyRequest>> list(String subjectRef, int page, int size) {
        return page("WHERE subject_ref = :s ORDER BY received_at DESC", Map.of("s", subjectRef), page, size);
    }

    /** The DPO's queue: open requests by due date (or all, or only overdue). */
    public Mono<Page<PrivacyRequest>> queue(String status, boolean overdueOnly, int page, int size) {
        StringBuilder where = new StringBuilder("WHERE true");
        Map<String, Object> binds = new LinkedHashMap<>();
        if (status != null) {
            where.append(" AND status = :status");
            binds.put("status", status);
        }
        if (overdueOnly) {
            where.append(" AND status IN ('received', 'in_progress') AND legal_deadline < now()");
        }
        return page(where + " ORDER BY legal_deadline, id", binds, page, size);
    }

    /** Any request by id, for the DPO, or a 404 problem. */
    public Mono<PrivacyRequest> find(UUID id) {
        return current(id);
    }

    /** The corrections a fulfilled rectification sends to agencies (R35.1), by agency. */
    public Flux<CorrectionTask> corrections(UUID id) {
        return current(id).flatMapMany(r -> db.sql("SELECT * FROM consent.correction_task WHERE request_id = :id "
                + "ORDER BY agency_id").bind("id", id).map(t -> new CorrectionTask(t.get("agency_id", String.class),
                        t.get("status", String.class), Sql.instant(t, "created_at"), Sql.instant(t, "delivered_at"),
                        Sql.list(t, "categories"), t.get("attempts", Integer.class), t.get("last_error", String.class),
                        t.get("reference", String.class))).all());
    }

    /**
     * One outbound correction per agency that received any of the subject's data, as the access log (and its
     * outbox, for shares not yet moved) records them, with the categories it received; {@link CorrectionOutbox}
     * delivers them.
     */
    private Mono<Void> fanOutCorrection(UUID id) {
        return db.sql("INSERT INTO consent.correction_task (request_id, agency_id, status, created_at, categories) "
                + "SELECT :id, a.agency_id, 'pending', now(), array_agg(DISTINCT a.c ORDER BY a.c) FROM (SELECT "
                + "agency_id, unnest(categories) c FROM consent.access_log WHERE subject_ref = (SELECT subject_ref "
                + "FROM consent.privacy_request WHERE id = :id) UNION ALL SELECT agency_id, unnest(categories) FROM "
                + "consent.access_outbox WHERE subject_ref = (SELECT subject_ref FROM consent.privacy_request "
                + "WHERE id = :id)) a GROUP BY a.agency_id ON CONFLICT DO NOTHING").bind("id", id).then();
    }

    /** How many open requests are past their legal deadline (a metric; should be 0). */
    public Mono<Long> overdueCount() {
        return db.sql("SELECT count(*) FROM consent.privacy_request WHERE status IN ('received', 'in_progress') "
                + "AND legal_deadline < now()").map(r -> r.get(0, Long.class)).one();
    }

    /** A DPO moves a request on: received -> in_progress -> fulfilled. Refusal goes through {@link #refuse}. */
    public Mono<PrivacyRequest> transition(UUID id, String status, String note, String actor) {
        return current(id).flatMap(r -> {
            boolean ok = ("in_progress".equals(status) && "received".equals(r.status()))
                    || ("fulfilled".equals(status) && Set.of("received", "in_progress").contains(r.status()));
            if (!ok) {
                return Mono.error(new ProblemException(ConsentError.INVALID_STATUS_TRANSITION,
                        "A request in status " + r.status() + " cannot move to " + status));
            }
            // the DPO's free text is sealed with the subject's key before the transaction (erasure reaches backups)
            Mono<Void> act = subjectOf(id).flatMap(subject -> Mono.zip(
                    stored(details.withContext(NOTE_CONTEXT), subject, note),
                    stored(details.withContext(OUTCOME_CONTEXT), subject, note)))
                    .flatMap(sealed -> "fulfilled".equals(status)
                            ? closeInTx(id, status, sealed.getT2().orElse(null), sealed.getT1().orElse(null), actor,
                                    now())
                                    .then("rectification".equals(r.type()) ? fanOutCorrection(id) : Mono.empty())
                                    .as(tx::transactional)
                            : move(id, status, sealed.getT1().orElse(null), actor));
            return act.then(byId(id));
        });
    }

    /**
     * Refuses a request with recorded grounds (s30, s32, s36); the grounds feed the ROPA (s39(7)). A refused
     * objection or restriction stops limiting processing.
     */
    public Mono<PrivacyRequest> refuse(UUID id, List<PrivacyRequest.RefusalGround> grounds, String actor) {
        if (grounds == null || grounds.isEmpty() || grounds.stream().anyMatch(g -> blank(g.ground())
                || blank(g.text()))) {
            return Mono.error(new ProblemException(ConsentError.REFUSAL_GROUND_REQUIRED,
                    "Give at least one legal ground with its reasons"));
        }
        return current(id).flatMap(r -> {
            if (!Set.of("received", "in_progress").contains(r.status())) {
                return Mono.error(new ProblemException(ConsentError.INVALID_STATUS_TRANSITION,
                        "A closed request cannot be refused"));
            }
            Instant now = now();
            Mono<Void> record = Flux.fromIterable(grounds).concatMap(g -> db.sql("INSERT INTO "
                    + "consent.privacy_request_refusal (request_id, ground, text, at) VALUES (:id, :g, :t, :at)")
                    .bind("id", id).bind("g", g.ground()).bind("t", g.text()).bind("at", Sql.ts(now)).then()).then();
            return subjectOf(id).flatMap(subject -> {
                boolean limits = "objection".equals(r.type()) || "restriction".equals(r.type());
                Mono<Long> lift = limits ? liftLimit(subject, r) : Mono.just(-1L);
                return (limits ? versions.beforeChange(subject) : Mono.<Void>empty())
                        .then(record.then(closeInTx(id, "refused", "Refused on recorded grounds", actor, now))
                                .then(lift).as(tx::transactional))
                        .flatMap(v -> v < 0 ? Mono.empty() : versions.afterChange(subject, v));
            }).then(byId(id));
        });
    }

    /** Extends the deadline; only with a PDPC rule reference (R30.2). */
    public Mono<PrivacyRequest> extend(UUID id, Instant deadline, String legalRef) {
        if (blank(legalRef) || deadline == null) {
            return Mono.error(new ProblemException(CommonError.VALIDATION_FAILED,
                    "An extension needs a new deadline and the PDPC rule that allows it (R30.2)"));
        }
        return current(id).flatMap(r -> deadline.isAfter(r.legalDeadline())
                ? db.sql("INSERT INTO consent.privacy_request_extension (request_id, deadline, legal_ref, at) VALUES "
                        + "(:id, :d, :ref, now())").bind("id", id).bind("d", Sql.ts(deadline)).bind("ref", legalRef)
                        .then().then(db.sql("UPDATE consent.privacy_request SET legal_deadline = :d WHERE id = :id")
                                .bind("d", Sql.ts(deadline)).bind("id", id).then()).as(tx::transactional)
                        .then(byId(id))
                : Mono.error(new ProblemException(CommonError.VALIDATION_FAILED,
                        "The new deadline must be later than the current one")));
    }

    /** The machine-readable export of an access or portability request (s30, s31). */
    public Mono<Map<String, Object>> export(String subjectRef, UUID id) {
        return get(subjectRef, id).flatMap(r -> {
            if (!Set.of("access", "portability").contains(r.type())) {
                return Mono.error(new ProblemException(ConsentError.PRIVACY_REQUEST_NOT_FOUND,
                        "This request has no export"));
            }
            return Flux.fromIterable(exporters).concatMap(e -> e.contribute(subjectRef, id)
                    .map(content -> Map.entry(e.section(), content))).collectList().map(sections -> {
                        Map<String, Object> doc = new LinkedHashMap<>();
                        doc.put("$schema", EXPORT_SCHEMA);
                        doc.put("request_id", id.toString());
                        doc.put("generated_at", now().toString());
                        doc.put("subject_ref", subjectRef);
                        Map<String, Object> s = new LinkedHashMap<>();
                        sections.forEach(en -> s.put(en.getKey(), en.getValue()));
                        doc.put("sections", s);
                        return doc;
                    });
        });
    }

    private Mono<Long> liftLimit(String subject, PrivacyRequest r) {
        String sql = "restriction".equals(r.type())
                ? "UPDATE consent.subject_state SET restricted = false, version = version + 1 WHERE subject_ref = :s "
                        + "RETURNING version"
                : r.purposeId() == null
                        ? "UPDATE consent.subject_state SET objected_all = false, version = version + 1 "
                                + "WHERE subject_ref = :s RETURNING version"
                        : "UPDATE consent.subject_state SET objected_purposes = array_remove(objected_purposes, :p), "
                                + "version = version + 1 WHERE subject_ref = :s RETURNING version";
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("s", subject);
        if (sql.contains(":p")) {
            spec = spec.bind("p", r.purposeId());
        }
        return spec.map(row -> row.get(0, Long.class)).one().defaultIfEmpty(-1L);
    }

    private Mono<Void> move(UUID id, String status, String note, String actor) {
        Instant now = now();
        return db.sql("UPDATE consent.privacy_request SET status = :st WHERE id = :id").bind("st", status)
                .bind("id", id).then().then(event(id, status, note, actor, now)).as(tx::transactional);
    }

    private Mono<Void> close(UUID id, String status, String outcome, String actor) {
        return closeInTx(id, status, outcome, actor, now()).as(tx::transactional);
    }

    private Mono<Void> closeInTx(UUID id, String status, String outcome, String actor, Instant now) {
        return closeInTx(id, status, outcome, outcome, actor, now);
    }

    /** Closes with {@code outcome} and the history's {@code note} as stored (sealed separately when a DPO's). */
    private Mono<Void> closeInTx(UUID id, String status, String outcome, String note, String actor, Instant now) {
        return Sql.bind(db.sql("UPDATE consent.privacy_request SET status = :st, outcome = :o, closed_at = :at "
                + "WHERE id = :id").bind("st", status), "o", outcome, String.class).bind("at", Sql.ts(now))
                .bind("id", id).then().then(event(id, status, note, actor, now));
    }

    private Mono<Void> event(UUID id, String status, String note, String actor, Instant at) {
        return Sql.bind(db.sql("INSERT INTO consent.privacy_request_event (request_id, seq, status, note, actor, at) "
                + "SELECT :id, coalesce(max(seq), 0) + 1, :st, :note, :actor, :at FROM consent.privacy_request_event "
                + "WHERE request_id = :id").bind("id", id).bind("st", status), "note", note, String.class)
                .bind("actor", actor).bind("at", Sql.ts(at)).then();
    }

    private Mono<PrivacyRequest> current(UUID id) {
        return byId(id).switchIfEmpty(Mono.error(() -> new ProblemException(ConsentError.PRIVACY_REQUEST_NOT_FOUND,
                "No such privacy request")));
    }

    private Mono<PrivacyRequest> byId(UUID id) {
        return db.sql("SELECT * FROM consent.privacy_request WHERE id = :id").bind("id", id).map(r -> read(r)).one()
                .flatMap(this::opened);
    }

    private Mono<String> subjectOf(UUID id) {
        return db.sql("SELECT subject_ref FROM consent.privacy_request WHERE id = :id").bind("id", id)
                .map(r -> r.get(0, String.class)).one();
    }

    private Mono<Page<PrivacyRequest>> page(String whereOrder, Map<String, Object> binds, int page, int size) {
        DatabaseClient.GenericExecuteSpec items = db.sql("SELECT * FROM consent.privacy_request " + whereOrder
                + " LIMIT :limit OFFSET :offset").bind("limit", size).bind("offset", (long) page * size);
        String where = whereOrder.substring(0, whereOrder.indexOf(" ORDER BY"));
        DatabaseClient.GenericExecuteSpec count = db.sql("SELECT count(*) FROM consent.privacy_request " + where);
        for (Map.Entry<String, Object> b : binds.entrySet()) {
            items = items.bind(b.getKey(), b.getValue());
            count = count.bind(b.getKey(), b.getValue());
        }
        return Mono.zip(items.map(r -> read(r)).all().concatMap(this::opened).collectList(),
                count.map(r -> r.get(0, Long.class)).one()).map(t -> new Page<>(t.getT1(), page, size, t.getT2()));
    }

    /** A row as stored: the request with its details still sealed, and whose it is. */
    private record Stored(PrivacyRequest request, String subjectRef) {
    }

    private Mono<PrivacyRequest> opened(Stored stored) {
        PrivacyRequest raw = stored.request();
        return Mono.zip(details.open(stored.subjectRef(), raw.details()),
                details.withContext(OUTCOME_CONTEXT).open(stored.subjectRef(), raw.outcome()))
                .flatMap(t -> withHistory(new PrivacyRequest(raw.id(), raw.type(), raw.requesterRole(),
                        raw.channel(), raw.purposeId(), t.getT1().orElse(null), raw.receivedAt(), raw.verifiedAt(),
                        raw.legalDeadline(), raw.status(), t.getT2().orElse(null), raw.closedAt(), raw.overdue(),
                        raw.history(), raw.refusals()), stored.subjectRef()));
    }

    private Mono<PrivacyRequest> withHistory(PrivacyRequest r, String subjectRef) {
        SealedText notes = details.withContext(NOTE_CONTEXT);
        Mono<List<PrivacyRequest.Event>> events = db.sql("SELECT * FROM consent.privacy_request_event WHERE "
                + "request_id = :id ORDER BY seq").bind("id", r.id()).map(e -> new PrivacyRequest.Event(
                        e.get("status", String.class), e.get("note", String.class), e.get("actor", String.class),
                        Sql.instant(e, "at"))).all()
                .concatMap(e -> notes.open(subjectRef, e.note()).map(text -> new PrivacyRequest.Event(e.status(),
                        text.orElse(null), e.actor(), e.at()))).collectList();
        Mono<List<PrivacyRequest.RefusalGround>> refusals = db.sql("SELECT * FROM consent.privacy_request_refusal "
                + "WHERE request_id = :id ORDER BY at").bind("id", r.id()).map(e -> new PrivacyRequest.RefusalGround(
                        e.get("ground", String.class), e.get("text", String.class))).all().collectList();
        return Mono.zip(events, refusals).map(t -> new PrivacyRequest(r.id(), r.type(), r.requesterRole(),
                r.channel(), r.purposeId(), r.details(), r.receivedAt(), r.verifiedAt(), r.legalDeadline(),
                r.status(), r.outcome(), r.closedAt(), r.overdue(), t.getT1(), t.getT2()));
    }

    private Stored read(Readable r) {
        String status = r.get("status", String.class);
        Instant deadline = Sql.instant(r, "legal_deadline");
        boolean open = "received".equals(status) || "in_progress".equals(status);
        return new Stored(new PrivacyRequest(r.get("id", UUID.class), r.get("type", String.class),
                r.get("requester_role", String.class), r.get("channel", String.class),
                r.get("purpose_id", String.class), r.get("details", String.class), Sql.instant(r, "received_at"),
                Sql.instant(r, "verified_at"), deadline, status, r.get("outcome", String.class),
                Sql.instant(r, "closed_at"), open && deadline.isBefore(clock.instant()), List.of(), List.of()),
                r.get("subject_ref", String.class));
    }

    private static void check(Filing f) {
        List<String> v = new ArrayList<>();
        if (!TYPES.contains(f.type())) {
            v.add("type must be one of access, portability, objection, erasure, restriction, rectification");
        }
        if (!Set.of("self", "representative").contains(f.requesterRole())) {
            v.add("requester.role must be self or representative");
        } else if ("representative".equals(f.requesterRole()) && blank(f.proofRef())) {
            v.add("a representative needs requester.proof_ref");
        }
        if ("rectification".equals(f.type()) && blank(f.details())) {
            v.add("a rectification needs details: what is wrong and what is right");
        }
        if (f.purposeId() != null && !"objection".equals(f.type())) {
            v.add("purpose_id applies only to an objection");
        }
        if (f.details() != null && f.details().length() > 4000) {
            v.add("details must be at most 4000 characters");
        }
        if (!v.isEmpty()) {
            throw new ProblemException(CommonError.VALIDATION_FAILED, String.join("; ", v), Map.of("violations", v));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
