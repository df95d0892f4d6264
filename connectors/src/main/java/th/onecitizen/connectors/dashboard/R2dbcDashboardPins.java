package th.onecitizen.connectors.dashboard;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Pins in PostgreSQL ({@code connectors.dashboard_pins}), one row per citizen. */
public final class R2dbcDashboardPins implements DashboardPins {

    private final DatabaseClient db;
    private final Clock clock;

    public R2dbcDashboardPins(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Mono<List<String>> pinned(String subjectRef) {
        return db.sql("SELECT service_ids FROM connectors.dashboard_pins WHERE subject_ref = :s")
                .bind("s", subjectRef)
                .map(r -> Arrays.asList(r.get("service_ids", String[].class)))
                .one();
    }

    @Override
    public Mono<List<String>> pin(String subjectRef, List<String> serviceIds) {
        List<String> ids = List.copyOf(serviceIds);
        return db.sql("INSERT INTO connectors.dashboard_pins (subject_ref, service_ids, updated_at) "
                + "VALUES (:s, :ids, :at) ON CONFLICT (subject_ref) DO UPDATE SET service_ids = excluded.service_ids, "
                + "updated_at = excluded.updated_at")
                .bind("s", subjectRef).bind("ids", ids.toArray(String[]::new))
                .bind("at", clock.instant().atOffset(ZoneOffset.UTC))
                .then().thenReturn(ids);
    }

    @Override
    public Mono<Long> forget(String subjectRef) {
        return db.sql("DELETE FROM connectors.dashboard_pins WHERE subject_ref = :s").bind("s", subjectRef).fetch()
                .rowsUpdated();
    }
}
