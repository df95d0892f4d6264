package th.onecitizen.consent.representation;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.ConsentError;
import th.onecitizen.consent.Page;
import th.onecitizen.consent.config.Sql;
import th.onecitizen.consent.decision.DecisionVersions;
import th.onecitizen.platform.error.CommonError;
import th.onecitizen.platform.error.ProblemException;

/**
 * The register of court-ordered representations (R20.3). Registering or revoking one changes who may consent for
 * the ward, so it bumps the ward's decision version like a consent change: no cached decision outlives it.
 */
public final class Representations {

    static final Set<String> ROLES = Set.of("custodian", "curator");
    private static final Pattern PROOF = Pattern.compile("[\\p{L}\\p{N} ./\\-_()#:]{1,120}");
    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    private static final String IN_FORCE = "revoked_at IS NULL AND valid_from <= now() AND (valid_until IS NULL OR "
            + "valid_until > now())";

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final DecisionVersions versions;
    private final Clock clock;

    public Representations(DatabaseClient db, TransactionalOperator tx, DecisionVersions versions, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.versions = versions;
        this.clock = clock;
    }

    /**
     * A representation as an operator registers it from the court's order.
     *
     * @param wardRef           the ward's opaque id
     * @param representativeRef the custodian's or curator's opaque id
     * @param role              custodian or curator
     * @param authorityRef      the court order's number
     * @param authorityDate     the court order's date
     * @param validFrom         from when (null: now)
     * @param validUntil        until when (null: until revoked)
     */
    public record Registration(String wardRef, String representativeRef, String role, String authorityRef,
            LocalDate authorityDate, Instant validFrom, Instant validUntil) {
    }

    /** Registers a representation; 409 while another is registered for the ward and not revoked. */
    public Mono<Representation> register(Registration r, String operator) {
        return Mono.defer(() -> {
            Instant now = now();
            Instant from = r.validFrom() == null ? now : r.validFrom().truncatedTo(ChronoUnit.MICROS);
            check(r, from);
            UUID id = UUID.randomUUID();
            Mono<Long> write = Sql.bind(db.sql("INSERT INTO consent.representation (id, ward_ref, representative_ref, "
                    + "role, authority_ref, authority_date, valid_from, valid_until, registered_by, registered_at) "
                    + "VALUES (:id, :w, :r, :role, :proof, :dated, :from, :until, :by, :at)")
                    .bind("id", id).bind("w", r.wardRef()).bind("r", r.representativeRef()).bind("role", r.role())
                    .bind("proof", r.authorityRef().strip()).bind("dated", r.authorityDate()).bind("from", Sql.ts(from))
                    .bind("by", operator).bind("at", Sql.ts(now)), "until",
                    r.validUntil() == null ? null : Sql.ts(r.validUntil().truncatedTo(ChronoUnit.MICROS)),
                    java.time.OffsetDateTime.class).then()
                    .then(event(id, "registered", operator, now, null))
                    .then(bump(r.wardRef()));
            return changing(r.wardRef(), write)
                    .onErrorMap(DataIntegrityViolationException.class, e -> new ProblemException(CommonError.CONFLICT,
                            "A representation is already registered for this ward; revoke it first",
                            Map.of("ward_ref", r.wardRef())))
                    .then(find(id));
        });
    }

    /** Revokes a representation (the order ended or was set aside); the reason is required. */
    public Mono<Representation> revoke(UUID id, String operator, String reason) {
        if (reason == null || reason.isBlank()) {
            return Mono.error(new ProblemException(CommonError.VALIDATION_FAILED, "a revocation needs a reason",
                    Map.of("field", "reason")));
        }
        return find(id).switchIfEmpty(Mono.error(() -> new ProblemException(ConsentError.REPRESENTATION_NOT_FOUND,
                "No such representation"))).flatMap(r -> {
                    if (r.revokedAt() != null) {
                        return Mono.error(new ProblemException(CommonError.CONFLICT,
                                "This representation is already revoked"));
                    }
                    Instant now = now();
                    Mono<Long> write = db.sql("UPDATE consent.representation SET revoked_by = :by, revoked_at = :at, "
                            + "revoke_reason = :why WHERE id = :id AND revoked_at IS NULL").bind("by", operator)
                            .bind("at", Sql.ts(now)).bind("why", reason.strip()).bind("id", id).then()
                            .then(event(id, "revoked", operator, now, reason.strip()))
                            .then(bump(r.wardRef()));
                    return changing(r.wardRef(), write).then(find(id));
                });
    }

    /** One representation, or empty. */
    public Mono<Representation> find(UUID id) {
        return db.sql("SELECT *, " + IN_FORCE + " AS in_force FROM consent.representation WHERE id = :id")
                .bind("id", id).map(Representations::read).one();
    }

    /** The representation in force for the ward now, or empty. */
    public Mono<Representation> inForceFor(String wardRef) {
        return db.sql("SELECT *, true AS in_force FROM consent.representation WHERE ward_ref = :w AND " + IN_FORCE)
                .bind("w", wardRef).map(Representations::read).one();
    }

    /** The representation in force by which {@code representativeRef} acts for the ward, or a 404. */
    public Mono<Representation> inForce(String wardRef, String representativeRef) {
        return inForceFor(wardRef).filter(r -> r.representativeRef().equals(representativeRef))
                .switchIfEmpty(Mono.error(() -> new ProblemException(ConsentError.REPRESENTATION_NOT_FOUND,
                        "You hold no representation in force for this citizen")));
    }

    /** The representations in force that {@code representativeRef} holds. */
    public Flux<Representation> wardsOf(String representativeRef) {
        return db.sql("SELECT *, true AS in_force FROM consent.representation WHERE representative_ref = :r AND "
                + IN_FORCE + " ORDER BY registered_at").bind("r", representativeRef).map(Representations::read).all();
    }

    /** The register, newest first, optionally for one ward. */
    public Mono<Page<Representation>> list(String wardRef, int page, int size) {
        String where = wardRef == null ? "" : " WHERE ward_ref = :w";
        DatabaseClient.GenericExecuteSpec items = db.sql("SELECT *, " + IN_FORCE + " AS in_force FROM "
                + "consent.representation" + where + " ORDER BY registered_at DESC, id LIMIT :l OFFSET :o")
                .bind("l", size).bind("o", (long) page * size);
        DatabaseClient.GenericExecuteSpec count = db.sql("SELECT count(*) FROM consent.representation" + where);
        if (wardRef != null) {
            items = items.bind("w", wardRef);
            count = count.bind("w", wardRef);
        }
        return Mono.zip(items.map(Representations::read).all().collectList(),
                count.map(r -> r.get(0, Long.class)).one()).map(t -> new Page<>(t.getT1(), page, size, t.getT2()));
    }

    /**
     * One entry of a representation's audit trail.
     *
     * @param event  registered or revoked
     * @param actor  the operator
     * @param at     when
     * @param reason why (revocations)
     */
    public record Event(String event, String actor, Instant at, String reason) {
    }

    /** The audit trail of one representation, oldest first. */
    public Flux<Event> events(UUID id) {
        return db.sql("SELECT * FROM consent.representation_event WHERE representation_id = :id ORDER BY id")
                .bind("id", id).map(r -> new Event(r.get("event", String.class), r.get("actor", String.class),
                        Sql.instant(r, "at"), r.get("reason", String.class))).all();
    }

    private Mono<Void> changing(String wardRef, Mono<Long> write) {
        return versions.beforeChange(wardRef)
                .onErrorMap(e -> new ProblemException(ConsentError.LEDGER_UNAVAILABLE,
                        "The representation cannot be recorded right now; try again"))
                .then(write.as(tx::transactional))
                .flatMap(v -> versions.afterChange(wardRef, v));
    }

    private Mono<Void> event(UUID id, String event, String actor, Instant at, String reason) {
        return Sql.bind(db.sql("INSERT INTO consent.representation_event (representation_id, event, actor, at, reason) "
                + "VALUES (:id, :e, :a, :at, :why)").bind("id", id).bind("e", event).bind("a", actor)
                .bind("at", Sql.ts(at)), "why", reason, String.class).then();
    }

    private Mono<Long> bump(String wardRef) {
        return db.sql("INSERT INTO consent.subject_state (subject_ref, version) VALUES (:s, 1) ON CONFLICT "
                + "(subject_ref) DO UPDATE SET version = subject_state.version + 1, updated_at = now() "
                + "RETURNING version")
                .bind("s", wardRef).map(r -> r.get("version", Long.class)).one();
    }

    private void check(Registration r, Instant from) {
        List<String> v = new ArrayList<>();
        if (blank(r.wardRef()) || blank(r.representativeRef())) {
            v.add("ward_ref and representative_ref are required");
        } else if (r.wardRef().equals(r.representativeRef())) {
            v.add("a citizen cannot represent themself");
        }
        if (!ROLES.contains(r.role())) {
            v.add("role must be custodian (of an incompetent person) or curator (of a quasi-incompetent person)");
        }
        if (r.authorityRef() == null || !PROOF.matcher(r.authorityRef().strip()).matches()) {
            v.add("authority_ref, the court order's number, is required (letters, digits, space . / - _ ( ) # :)");
        }
        if (r.authorityDate() == null || r.authorityDate().isAfter(LocalDate.ofInstant(clock.instant(), BANGKOK))) {
            v.add("authority_date, the court order's date, is required and cannot be in the future");
        }
        if (r.validUntil() != null && !r.validUntil().isAfter(from)) {
            v.add("valid_until must be after valid_from");
        }
        if (!v.isEmpty()) {
            throw new ProblemException(CommonError.VALIDATION_FAILED, String.join("; ", v), Map.of("violations", v));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Representation read(Readable r) {
        return new Representation(r.get("id", UUID.class), r.get("ward_ref", String.class),
                r.get("representative_ref", String.class), r.get("role", String.class),
                r.get("authority_ref", String.class), r.get("authority_date", LocalDate.class),
                Sql.instant(r, "valid_from"), Sql.instant(r, "valid_until"), r.get("registered_by", String.class),
                Sql.instant(r, "registered_at"), r.get("revoked_by", String.class), Sql.instant(r, "revoked_at"),
                r.get("revoke_reason", String.class), Boolean.TRUE.equals(r.get("in_force", Boolean.class)));
    }
}
