package th.onecitizen.consent.breach;

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
import th.onecitizen.consent.config.ConsentProperties;
import th.onecitizen.consent.config.Sql;
import th.onecitizen.platform.error.CommonError;
import th.onecitizen.platform.error.ProblemException;

/**
 * The breach register (s37(4)): the 72-hour clock from awareness, the notice to the PDPC office (late only with
 * reasons, at most 15 days), and in-app notices to every affected citizen when the risk is high.
 */
public final class BreachService {

    /** The PDPC's clarification: a late notice comes with reasons, within 15 days. */
    static final Duration LATEST_LATE_NOTICE = Duration.ofDays(15);
    /** Breaches the office must hear of whose notice came, or is still missing, after the 15-day outer limit. */
    private static final String BEYOND_OUTER_LIMIT = "risk_level <> 'none' AND coalesce(notified_office_at, now()) "
            + "> aware_at + interval '15 days'";

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final ConsentProperties properties;
    private final Clock clock;

    public BreachService(DatabaseClient db, TransactionalOperator tx, ConsentProperties properties, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /** Records a breach; when the risk is high, notifies every affected citizen in the app in the same commit. */
    public Mono<Breach> record(BreachReport b, String recordedBy) {
        return Mono.defer(() -> {
            check(b);
            UUID id = UUID.randomUUID();
            Instant now = now();
            boolean high = "high".equals(b.riskLevel());
            Set<String> subjects = Set.copyOf(b.affectedSubjects());
            Mono<Void> insert = Sql.bind(db.sql("INSERT INTO consent.breach (id, detected_at, aware_at, type, affected_count, "
                    + "record_count, categories, risk_level, risk_assessment, description, consequences, measures, "
                    + "remedies_th, remedies_en, office_due, subjects_notified_at, recorded_by, created_at) VALUES "
                    + "(:id, :det, :aware, :type, :n, :records, :cats, :risk, :assess, :desc, :cons, :meas, :rth, "
                    + ":ren, :due, :notified, :by, :now)")
                    .bind("id", id).bind("det", Sql.ts(b.detectedAt())).bind("aware", Sql.ts(b.awareAt()))
                    .bind("type", b.type()).bind("n", subjects.size()).bind("records", b.recordCount())
                    .bind("cats", Sql.array(b.categories())).bind("risk", b.riskLevel())
                    .bind("assess", b.riskAssessment()).bind("desc", b.description()).bind("cons", b.consequences())
                    .bind("meas", b.measures()).bind("rth", b.remediesTh()).bind("ren", b.remediesEn())
                    .bind("due", Sql.ts(b.awareAt().plus(properties.breachOfficeDeadline())))
                    .bind("by", recordedBy).bind("now", Sql.ts(now)), "notified", high ? Sql.ts(now) : null,
                    java.time.OffsetDateTime.class).then();
            Mono<Void> affected = Flux.fromIterable(subjects).concatMap(s -> db.sql("INSERT INTO "
                    + "consent.breach_subject (breach_id, subject_ref) VALUES (:id, :s)").bind("id", id).bind("s", s)
                    .then().then(high ? notify(s, id, b.categories(), b.consequences(), b.remediesTh(),
                            b.remediesEn(), now) : Mono.empty())).then();
            return insert.then(affected).as(tx::transactional).then(find(id));
        });
    }

    /**
     * Notifies every affected citizen in the app (once each, however often it is called) and records when; refused
     * when the retained assessment found no risk.
     */
    public Mono<Breach> notifySubjects(UUID id) {
        return find(id).switchIfEmpty(Mono.error(() -> new ProblemException(ConsentError.BREACH_NOT_FOUND,
                "No such breach"))).flatMap(b -> {
                    if ("none".equals(b.riskLevel())) {
                        return Mono.error(new ProblemException(CommonError.CONFLICT,
                                "The retained assessment found no risk: citizens are not notified"));
                    }
                    Instant now = now();
                    return db.sql("SELECT subject_ref FROM consent.breach_subject WHERE breach_id = :id ORDER BY "
                            + "subject_ref").bind("id", id).map(r -> r.get(0, String.class)).all()
                            .concatMap(s -> notify(s, id, b.categories(), b.consequences(), b.remediesTh(),
                                    b.remediesEn(), now))
                            .then(db.sql("UPDATE consent.breach SET subjects_notified_at = coalesce("
                                    + "subjects_notified_at, :at) WHERE id = :id").bind("at", Sql.ts(now))
                                    .bind("id", id).then())
                            .as(tx::transactional)
                            .then(find(id));
                });
    }

    private Mono<Void> notify(String subject, UUID breachId, List<String> categories, String consequences,
            String remediesTh, String remediesEn, Instant now) {
        return db.sql("INSERT INTO consent.notification (id, subject_ref, kind, source_id, title_th, title_en, "
                + "body_th, body_en, created_at) VALUES (:id, :s, 'breach', :src, :tth, :ten, :bth, :ben, :at) "
                + "ON CONFLICT DO NOTHING")
                .bind("id", UUID.randomUUID()).bind("s", subject).bind("src", breachId.toString())
                .bind("tth", "แจ้งเหตุการละเมิดข้อมูลส่วนบุคคล").bind("ten", "Notice of a personal data breach")
                .bind("bth", "ข้อมูลของท่าน (" + String.join(", ", categories) + ") อาจได้รับผลกระทบ: "
                        + remediesTh + " ติดต่อเจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล: "
                        + properties.controller().dpoContact())
                .bind("ben", "Your data (" + String.join(", ", categories) + ") may be affected. "
                        + consequences + " What you can do: " + remediesEn + " Contact our DPO: "
                        + properties.controller().dpoContact())
                .bind("at", Sql.ts(now)).then();
    }

    /**
     * Records the notice to the PDPC office; after the 72 hours only with the reasons for the delay (refused
     * without). A notice after the 15-day outer limit is still recorded (the office must hear of the breach) but the
     * breach stays flagged {@code beyond_outer_limit} and counts in {@link #beyondOuterLimitCount()}.
     */
    public Mono<Breach> notifyOffice(UUID id, Instant at, String delayReason) {
        return find(id).switchIfEmpty(Mono.error(() -> new ProblemException(ConsentError.BREACH_NOT_FOUND,
                "No such breach"))).flatMap(b -> {
                    if (at.isAfter(clock.instant().plusSeconds(60)) || at.isBefore(b.awareAt())) {
                        return Mono.error(new ProblemException(CommonError.VALIDATION_FAILED,
                                "notified_at must lie between aware_at and now", Map.of("field", "notified_at")));
                    }
                    if (b.notifiedOfficeAt() != null) {
                        return Mono.error(new ProblemException(CommonError.CONFLICT, "The office was already notified"));
                    }
                    if (at.isAfter(b.officeDue()) && (delayReason == null || delayReason.isBlank())) {
                        return Mono.error(new ProblemException(CommonError.VALIDATION_FAILED,
                                "The notice is past the 72 hours: give the reasons for the delay (R37.3)",
                                Map.of("field", "delay_reason")));
                    }
                    return Sql.bind(db.sql("UPDATE consent.breach SET notified_office_at = :at, delay_reason = :r "
                            + "WHERE id = :id").bind("at", Sql.ts(at)).bind("id", id), "r", delayReason, String.class)
                            .then().then(find(id));
                });
    }

    /** One breach, or empty. */
    public Mono<Breach> find(UUID id) {
        return db.sql("SELECT * FROM consent.breach WHERE id = :id").bind("id", id).map(this::read).one();
    }

    /** The register, newest awareness first. */
    public Mono<Page<Breach>> list(int page, int size) {
        return list(false, page, size);
    }

    /** The register, newest awareness first; with {@code beyondOuterLimitOnly}, only breaches past the 15 days. */
    public Mono<Page<Breach>> list(boolean beyondOuterLimitOnly, int page, int size) {
        String where = beyondOuterLimitOnly ? " WHERE " + BEYOND_OUTER_LIMIT : "";
        return Mono.zip(db.sql("SELECT * FROM consent.breach" + where + " ORDER BY aware_at DESC, id LIMIT :l "
                        + "OFFSET :o").bind("l", size).bind("o", (long) page * size).map(this::read).all()
                        .collectList(),
                db.sql("SELECT count(*) FROM consent.breach" + where).map(r -> r.get(0, Long.class)).one())
                .map(t -> new Page<>(t.getT1(), page, size, t.getT2()));
    }

    /**
     * How many breaches the office had to hear of were notified after the 15-day outer limit, or are past it and
     * still not notified (a metric: it should stay 0).
     */
    public Mono<Long> beyondOuterLimitCount() {
        return db.sql("SELECT count(*) FROM consent.breach WHERE " + BEYOND_OUTER_LIMIT)
                .map(r -> r.get(0, Long.class)).one();
    }

    /** The notice to the PDPC office (R37.4): nature, counts, DPO contact, consequences and measures. */
    public Mono<Map<String, Object>> officeNotice(UUID id) {
        return find(id).switchIfEmpty(Mono.error(() -> new ProblemException(ConsentError.BREACH_NOT_FOUND,
                "No such breach"))).map(b -> {
                    Map<String, Object> doc = new LinkedHashMap<>();
                    doc.put("document", "Notification of a personal data breach to the Office of the PDPC (s37(4))");
                    doc.put("document_th", "การแจ้งเหตุการละเมิดข้อมูลส่วนบุคคลต่อสำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคล "
                            + "(มาตรา 37(4))");
                    doc.put("controller", Map.of("name", properties.controller().name(), "contact",
                            properties.controller().contact()));
                    doc.put("dpo_contact", properties.controller().dpoContact());
                    doc.put("breach_id", b.id().toString());
                    doc.put("nature", Map.of("type", b.type(), "description", b.description(), "categories",
                            b.categories()));
                    doc.put("detected_at", b.detectedAt().toString());
                    doc.put("aware_at", b.awareAt().toString());
                    doc.put("office_due", b.officeDue().toString());
                    doc.put("data_subjects_affected", b.affectedCount());
                    doc.put("records_affected", b.recordCount());
                    doc.put("risk_level", b.riskLevel());
                    doc.put("risk_assessment", b.riskAssessment());
                    doc.put("likely_consequences", b.consequences());
                    doc.put("measures", b.measures());
                    doc.put("data_subjects_notified_at", b.subjectsNotifiedAt() == null ? null
                            : b.subjectsNotifiedAt().toString());
                    doc.put("delay_reason", b.delayReason());
                    doc.put("beyond_outer_limit", b.beyondOuterLimit());
                    return doc;
                });
    }

    private void check(BreachReport b) {
        List<String> v = new ArrayList<>();
        if (b.detectedAt() == null || b.awareAt() == null) {
            v.add("detected_at and aware_at are required");
        } else if (b.awareAt().isAfter(clock.instant().plusSeconds(60))) {
            v.add("aware_at cannot be in the future");
        }
        if (!Set.of("confidentiality", "integrity", "availability").contains(b.type())) {
            v.add("type must be confidentiality, integrity or availability");
        }
        if (!Set.of("none", "risk", "high").contains(b.riskLevel())) {
            v.add("risk_level must be none, risk or high");
        }
        if (b.recordCount() < 0 || b.categories() == null || b.affectedSubjects() == null) {
            v.add("record_count, categories and affected_subjects are required");
        }
        for (String s : new String[] {b.riskAssessment(), b.description(), b.consequences(), b.measures(),
            b.remediesTh(), b.remediesEn()}) {
            if (s == null || s.isBlank()) {
                v.add("risk_assessment, description, consequences, measures and remedies (th, en) are required");
                break;
            }
        }
        if (!v.isEmpty()) {
            throw new ProblemException(CommonError.VALIDATION_FAILED, String.join("; ", v), Map.of("violations", v));
        }
    }

    private Breach read(Readable r) {
        Instant due = Sql.instant(r, "office_due");
        Instant notified = Sql.instant(r, "notified_office_at");
        String risk = r.get("risk_level", String.class);
        Instant awareAt = Sql.instant(r, "aware_at");
        Instant outer = awareAt.plus(LATEST_LATE_NOTICE);
        boolean beyond = !"none".equals(risk) && (notified == null ? clock.instant() : notified).isAfter(outer);
        return new Breach(r.get("id", UUID.class), Sql.instant(r, "detected_at"), Sql.instant(r, "aware_at"),
                r.get("type", String.class), r.get("affected_count", Integer.class),
                r.get("record_count", Integer.class), Sql.list(r, "categories"), risk,
                r.get("risk_assessment", String.class), r.get("description", String.class),
                r.get("consequences", String.class), r.get("measures", String.class),
                r.get("remedies_th", String.class), r.get("remedies_en", String.class), due, notified,
                r.get("delay_reason", String.class), Sql.instant(r, "subjects_notified_at"),
                !"none".equals(risk) && notified == null && clock.instant().isAfter(due), outer, beyond);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
