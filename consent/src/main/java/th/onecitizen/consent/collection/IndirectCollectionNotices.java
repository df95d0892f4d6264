package th.onecitizen.consent.collection;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.config.Sql;
import th.onecitizen.consent.decision.RightsPermits;
import th.onecitizen.platform.work.RepeatingWork;

/**
 * Notices of indirect collection (s25, R25.1): data an agency returned about a citizen on a basis other than consent,
 * for a purpose with no recorded exemption, becomes a notification in the citizen's inbox, in Thai and English,
 * naming the source agency, the categories, the purpose and the basis. It reads the access log after the outbox has
 * moved a share there, so the service call never waits for it. Each tick looks at the last hour; once a day it
 * looks back the full 30 days the law allows, catching whatever a stopped instance missed. One notice per citizen,
 * agency, purpose and set of categories (the notification table's unique key deduplicates across instances).
 */
public final class IndirectCollectionNotices extends RepeatingWork {

    /** The notification kind. */
    public static final String KIND = "indirect_collection";
    /** s25 para 1: the citizen is told within 30 days of collection. */
    public static final Duration LEGAL_PERIOD = Duration.ofDays(30);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd")
            .withZone(ZoneId.of("Asia/Bangkok"));

    private final DatabaseClient db;
    private final AgencyNames agencies;
    private final Clock clock;
    private volatile Instant lastFullRun;

    public IndirectCollectionNotices(DatabaseClient db, AgencyNames agencies, Duration interval, Clock clock) {
        super("Indirect-collection notices", interval);
        this.db = db;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** Writes the notices due for collections in the last {@code lookBack}; emits how many were written. */
    public Mono<Long> run(Duration lookBack) {
        return db.sql("SELECT * FROM (SELECT l.subject_ref, l.agency_id, l.purpose_id, l.basis, "
                + "min(l.occurred_at) AS first_at, min(l.service_id) AS service_id, "
                + "array_agg(DISTINCT c ORDER BY c) AS cats FROM consent.access_log l, unnest(l.received_categories) c "
                + "WHERE l.occurred_at > :since AND l.basis <> 'consent' AND l.outcome = 'ok' AND l.purpose_id <> :dsr "
                + "AND NOT EXISTS (SELECT 1 FROM consent.indirect_collection_exemption e "
                + "WHERE e.purpose_id = l.purpose_id) GROUP BY l.subject_ref, l.agency_id, l.purpose_id, l.basis) d "
                + "WHERE NOT EXISTS (SELECT 1 FROM consent.notification n WHERE n.subject_ref = d.subject_ref "
                + "AND n.kind = :kind AND n.source_id = d.agency_id || '|' || d.purpose_id || '|' "
                + "|| array_to_string(d.cats, ',')) LIMIT 1000")
                .bind("since", Sql.ts(clock.instant().minus(lookBack))).bind("dsr", RightsPermits.PURPOSE)
                .bind("kind", KIND)
                .map(IndirectCollectionNotices::read).all()
                .concatMap(this::notice)
                .reduce(0L, Long::sum);
    }

    private record Collected(String subjectRef, String agencyId, String purposeId, String basis, Instant firstAt,
            String serviceId, List<String> categories) {

        String sourceId() {
            return agencyId + "|" + purposeId + "|" + String.join(",", categories);
        }
    }

    private static Collected read(Readable r) {
        return new Collected(r.get("subject_ref", String.class), r.get("agency_id", String.class),
                r.get("purpose_id", String.class), r.get("basis", String.class), Sql.instant(r, "first_at"),
                r.get("service_id", String.class), Sql.list(r, "cats"));
    }

    private Mono<Long> notice(Collected c) {
        Mono<AgencyNames.Name> name = agencies.find(c.agencyId())
                .onErrorResume(e -> Mono.empty())
                .defaultIfEmpty(new AgencyNames.Name(c.agencyId(), c.agencyId()));
        Mono<String[]> purpose = db.sql("SELECT title_th, title_en FROM consent.notice WHERE purpose_id = :p "
                + "ORDER BY version DESC LIMIT 1").bind("p", c.purposeId())
                .map(r -> new String[] {r.get("title_th", String.class), r.get("title_en", String.class)}).one()
                .defaultIfEmpty(new String[] {c.purposeId(), c.purposeId()});
        return Mono.zip(name, purpose).flatMap(t -> {
            String cats = String.join(", ", c.categories());
            String date = DATE.format(c.firstAt());
            String titleTh = "ได้รับข้อมูลของท่านจาก" + t.getT1().th();
            String titleEn = "Data about you was received from " + t.getT1().en();
            String bodyTh = "OneCitizen ได้รับข้อมูลของท่าน (" + cats + ") จาก" + t.getT1().th()
                    + " ซึ่งเป็นแหล่งที่มาของข้อมูล เมื่อวันที่ " + date + " ผ่านบริการ " + c.serviceId()
                    + " เพื่อวัตถุประสงค์ \"" + t.getT2()[0] + "\" โดยอาศัยฐานทางกฎหมาย " + c.basis()
                    + " มิใช่ความยินยอมของท่าน (มาตรา 25 พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562) "
                    + "ท่านขอรับสำเนา คัดค้าน หรือขอแก้ไขข้อมูลได้ที่เมนูคำขอเกี่ยวกับข้อมูลส่วนบุคคล";
            String bodyEn = "OneCitizen received data about you (" + cats + ") from " + t.getT1().en()
                    + ", the source of the data, on " + date + " through service " + c.serviceId()
                    + ", for the purpose \"" + t.getT2()[1] + "\" on the lawful basis " + c.basis()
                    + ", not on your consent (PDPA s25). You may ask for a copy, object or ask for a correction "
                    + "under privacy requests.";
            return db.sql("INSERT INTO consent.notification (id, subject_ref, kind, source_id, title_th, title_en, "
                    + "body_th, body_en, created_at) VALUES (:id, :s, :kind, :src, :tt, :te, :bt, :be, :at) "
                    + "ON CONFLICT DO NOTHING").bind("id", UUID.randomUUID()).bind("s", c.subjectRef())
                    .bind("kind", KIND).bind("src", c.sourceId()).bind("tt", titleTh).bind("te", titleEn)
                    .bind("bt", bodyTh).bind("be", bodyEn).bind("at", Sql.ts(clock.instant())).fetch()
                    .rowsUpdated();
        });
    }

    private Mono<Long> tick() {
        Instant now = clock.instant();
        boolean full = lastFullRun == null || lastFullRun.isBefore(now.minus(Duration.ofDays(1)));
        return run(full ? LEGAL_PERIOD : Duration.ofHours(1)).doOnSuccess(n -> {
            if (full) {
                lastFullRun = now;
            }
        });
    }

    @Override
    protected Mono<?> round() {
        return tick();
    }
}
