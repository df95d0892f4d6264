package th.onecitizen.registry.service;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import th.onecitizen.platform.error.ProblemException;
import th.onecitizen.registry.RegistryError;
import tools.jackson.databind.json.JsonMapper;

/**
 * PostgreSQL (R2DBC) store. The agency-editable content is one JSONB document per version; status, version and
 * the change sequence are columns. Every write takes one transaction-scoped advisory lock before drawing its change
 * sequence, so sequences commit in order and a catalogue refresh "after N" never skips a late commit.
 */
public final class R2dbcServiceStore implements ServiceStore {

    // Any constant works; it only has to be the same in every writer.
    private static final long WRITE_LOCK = 0x5265_6769_7374_7279L;

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final JsonMapper json;

    public R2dbcServiceStore(DatabaseClient db, TransactionalOperator tx, JsonMapper json) {
        this.db = db;
        this.tx = tx;
        this.json = json;
    }

    @Override
    public Mono<ServiceDefinition> find(String serviceId) {
        return db.sql("SELECT * FROM registry.services WHERE id = :id").bind("id", serviceId)
                .map(this::service).one();
    }

    @Override
    public Flux<ServiceDefinition> findByAgency(String agencyId) {
        return db.sql("SELECT * FROM registry.services WHERE agency_id = :a ORDER BY id").bind("a", agencyId)
                .map(this::service).all();
    }

    @Override
    public Flux<ServiceDefinition> changedSince(long changeSeq) {
        return db.sql("SELECT * FROM registry.services WHERE change_seq > :s ORDER BY change_seq")
                .bind("s", changeSeq).map(this::service).all();
    }

    @Override
    public Mono<Long> latestChange() {
        return db.sql("SELECT coalesce(max(change_seq), 0) AS m FROM registry.services")
                .map(r -> r.get("m", Long.class)).one();
    }

    @Override
    public Mono<ServiceDefinition> write(String serviceId, String agencyId, int expectedVersion, ServiceStatus status,
            ServiceDefinition.ServiceContent content, String changedBy) {
        Json document = Json.of(json.writeValueAsBytes(content));
        int newVersion = expectedVersion + 1;
        Instant now = Instant.now();
        Mono<ServiceDefinition> work = db.sql("SELECT pg_advisory_xact_lock(:k)").bind("k", WRITE_LOCK).then()
                .then(db.sql("SELECT nextval('registry.service_change_seq') AS s").map(r -> r.get("s", Long.class))
                        .one())
                .flatMap(seq -> upsert(serviceId, agencyId, expectedVersion, newVersion, status, document, seq, now)
                        .flatMap(rows -> rows == 0
                                ? Mono.error(expectedVersion == 0
                                        ? new ProblemException(RegistryError.SERVICE_EXISTS,
                                                "Service " + serviceId + " already exists")
                                        : new ProblemException(RegistryError.VERSION_MISMATCH,
                                                "Service " + serviceId + " is no longer at version " + expectedVersion))
                                : Mono.just(seq))
                        .flatMap(s -> db.sql("INSERT INTO registry.service_versions (service_id, version, status, "
                                + "document, changed_by, changed_at) VALUES (:id, :v, :st, :d, :by, :at)")
                                .bind("id", serviceId).bind("v", newVersion).bind("st", status.code())
                                .bind("d", document).bind("by", changedBy).bind("at", utc(now)).then()
                                .thenReturn(new ServiceDefinition(serviceId, agencyId, newVersion, status, content, s,
                                        now))));
        return tx.transactional(work);
    }

    private Mono<Long> upsert(String id, String agencyId, int expected, int next, ServiceStatus status, Json doc,
            long seq, Instant now) {
        if (expected == 0) {
            return db.sql("INSERT INTO registry.services (id, agency_id, status, version, change_seq, document, "
                    + "updated_at) VALUES (:id, :a, :st, :v, :s, :d, :at) ON CONFLICT (id) DO NOTHING")
                    .bind("id", id).bind("a", agencyId).bind("st", status.code()).bind("v", next).bind("s", seq)
                    .bind("d", doc).bind("at", utc(now)).fetch().rowsUpdated();
        }
        return db.sql("UPDATE registry.services SET status = :st, version = :v, change_seq = :s, document = :d, "
                + "updated_at = :at WHERE id = :id AND agency_id = :a AND version = :e")
                .bind("id", id).bind("a", agencyId).bind("st", status.code()).bind("v", next).bind("s", seq)
                .bind("d", doc).bind("at", utc(now)).bind("e", expected).fetch().rowsUpdated();
    }

    @Override
    public Mono<Agency> findAgency(String agencyId) {
        return db.sql("SELECT id, name_th, name_en FROM registry.agencies WHERE id = :id").bind("id", agencyId)
                .map(r -> new Agency(r.get("id", String.class), new LocalizedText(r.get("name_th", String.class),
                        r.get("name_en", String.class))))
                .one();
    }

    @Override
    public Flux<Agency> agencies() {
        return db.sql("SELECT id, name_th, name_en FROM registry.agencies ORDER BY id")
                .map(r -> new Agency(r.get("id", String.class), new LocalizedText(r.get("name_th", String.class),
                        r.get("name_en", String.class))))
                .all();
    }

    @Override
    public Mono<Agency> saveAgency(Agency agency) {
        return db.sql("INSERT INTO registry.agencies (id, name_th, name_en) VALUES (:id, :th, :en) "
                + "ON CONFLICT (id) DO UPDATE SET name_th = excluded.name_th, name_en = excluded.name_en")
                .bind("id", agency.id()).bind("th", agency.name().th()).bind("en", agency.name().en())
                .then().thenReturn(agency);
    }

    private ServiceDefinition service(Readable row) {
        ServiceDefinition.ServiceContent content = json.readValue(row.get("document", Json.class).asArray(),
                ServiceDefinition.ServiceContent.class);
        return new ServiceDefinition(row.get("id", String.class), row.get("agency_id", String.class),
                row.get("version", Integer.class), ServiceStatus.ofCode(row.get("status", String.class)), content,
                row.get("change_seq", Long.class), row.get("updated_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
