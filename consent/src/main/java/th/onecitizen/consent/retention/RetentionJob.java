package th.onecitizen.consent.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.support.CronExpression;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.config.ConsentProperties;
import th.onecitizen.consent.config.Sql;

/**
 * The daily retention job (s37(3)): erases access-log entries and notifications past retention, anonymises the
 * free text of closed privacy requests, creates the access log's coming partitions, and records a report whose
 * {@code overdue} count (items still past retention) must be 0. One instance runs it at a time (a Redis lock).
 */
public final class RetentionJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    private static final String LOCK = "oc:cns:lock:retention";

    private final DatabaseClient db;
    private final ReactiveStringRedisTemplate redis;
    private final ConsentProperties.Retention retention;
    private final CronExpression cron;
    private final Clock clock;
    private volatile Disposable scheduled;

    public RetentionJob(DatabaseClient db, ReactiveRedisConnectionFactory redis, ConsentProperties.Retention retention,
            Clock clock) {
        this.db = db;
        this.redis = new ReactiveStringRedisTemplate(redis);
        this.retention = retention;
        this.cron = CronExpression.parse(retention.cron());
        this.clock = clock;
    }

    /** Runs once now; emits the report (what was erased, and how many items remain overdue). */
    public Mono<Map<String, Object>> run() {
        Instant started = clock.instant();
        Instant accessCutoff = started.minus(retention.accessLog());
        Instant noteCutoff = started.minus(retention.notifications());
        Instant requestCutoff = started.minus(retention.closedRequests());
        Mono<Long> access = db.sql("DELETE FROM consent.access_log WHERE occurred_at < :c")
                .bind("c", Sql.ts(accessCutoff)).fetch().rowsUpdated();
        // the decision log (R19.1) is kept as long as the access log it complements
        Mono<Long> decisions = db.sql("DELETE FROM consent.decision_log WHERE occurred_at < :c")
                .bind("c", Sql.ts(accessCutoff)).fetch().rowsUpdated();
        Mono<Long> notes = db.sql("DELETE FROM consent.notification WHERE created_at < :c")
                .bind("c", Sql.ts(noteCutoff)).fetch().rowsUpdated();
        Mono<Long> requests = db.sql("UPDATE consent.privacy_request SET details = NULL, proof_ref = NULL WHERE "
                + "closed_at < :c AND (details IS NOT NULL OR proof_ref IS NOT NULL)")
                .bind("c", Sql.ts(requestCutoff)).fetch().rowsUpdated();
        Mono<Long> overdue = db.sql("SELECT (SELECT count(*) FROM consent.access_log WHERE occurred_at < :a) + "
                + "(SELECT count(*) FROM consent.decision_log WHERE occurred_at < :a) + "
                + "(SELECT count(*) FROM consent.notification WHERE created_at < :n) + (SELECT count(*) FROM "
                + "consent.privacy_request WHERE closed_at < :r AND (details IS NOT NULL OR proof_ref IS NOT NULL))")
                .bind("a", Sql.ts(accessCutoff)).bind("n", Sql.ts(noteCutoff)).bind("r", Sql.ts(requestCutoff))
                .map(r -> r.get(0, Long.class)).one();
        return Mono.zip(access, notes, requests, decisions).flatMap(t -> ensurePartitions().then(overdue).flatMap(o -> {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("access_log_entries", t.getT1());
            report.put("notifications", t.getT2());
            report.put("closed_requests_anonymised", t.getT3());
            report.put("decision_log_entries", t.getT4());
            String json = "{\"access_log_entries\":" + t.getT1() + ",\"notifications\":" + t.getT2()
                    + ",\"closed_requests_anonymised\":" + t.getT3() + ",\"decision_log_entries\":" + t.getT4()
                    + "}";
            report.put("overdue", o);
            return db.sql("INSERT INTO consent.retention_run (id, started_at, finished_at, erased, overdue) VALUES "
                    + "(:id, :s, :f, CAST(:e AS jsonb), :o)").bind("id", UUID.randomUUID())
                    .bind("s", Sql.ts(started)).bind("f", Sql.ts(clock.instant())).bind("e", json)
                    .bind("o", o.intValue()).then().thenReturn(report);
        }));
    }

    /** Creates the access log's partitions for this month and the next three (idempotent). */
    public Mono<Void> ensurePartitions() {
        return db.sql("DO $$ DECLARE m date := date_trunc('month', now())::date; BEGIN FOR i IN 0..3 LOOP "
                + "EXECUTE format('CREATE TABLE IF NOT EXISTS consent.access_log_%s PARTITION OF consent.access_log "
                + "FOR VALUES FROM (%L) TO (%L)', to_char(m, 'YYYYMM'), m, (m + interval '1 month')::date); "
                + "m := (m + interval '1 month')::date; END LOOP; END $$").then();
    }

    @Override
    public void start() {
        scheduleNext();
    }

    private void scheduleNext() {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDateTime next = cron.next(now);
        Duration wait = Duration.between(now, next == null ? now.plusDays(1) : next);
        scheduled = Mono.delay(wait)
                .then(redis.opsForValue().setIfAbsent(LOCK, "1", Duration.ofHours(1)))
                .flatMap(mine -> mine ? run().doOnNext(r -> log.info("Retention run: {}", r)).then() : Mono.empty())
                .onErrorResume(e -> {
                    log.warn("Retention run failed, retried at the next schedule: {}", e.toString());
                    return Mono.empty();
                })
                .doFinally(s -> {
                    if (scheduled != null) {
                        scheduleNext();
                    }
                })
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable d = scheduled;
        scheduled = null;
        if (d != null) {
            d.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduled != null;
    }
}
