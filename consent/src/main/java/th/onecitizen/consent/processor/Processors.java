package th.onecitizen.consent.processor;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.ConsentError;
import th.onecitizen.consent.Page;
import th.onecitizen.consent.config.Sql;
import th.onecitizen.platform.error.CommonError;
import th.onecitizen.platform.error.ProblemException;

/**
 * The register of processors (s40, R40.1): each with its contract, the scope of instructions, its security
 * measures, its breach-report duty and the purposes it processes for. A purpose's free-text {@code processors} name
 * registered processors by {@link Processor#name()}; the ROPA joins the two and flags names with no record.
 */
public final class Processors {

    /** The breach-report duty a contract usually sets for "promptly" (s40(2)); documentation, not a default. */
    public static final int TYPICAL_BREACH_REPORT_HOURS = 24;
    /** The longest duty the register accepts: beyond the controller's own 72 hours "promptly" cannot hold. */
    public static final int MAX_BREACH_REPORT_HOURS = 72;
    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    private final DatabaseClient db;
    private final Clock clock;

    public Processors(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * A processor as an operator registers it from its contract.
     *
     * @param name              the name purposes use
     * @param nameTh            the Thai name (optional)
     * @param nameEn            the English name (optional)
     * @param contractRef       the contract's reference
     * @param contractDate      the contract's date
     * @param instructions      the scope of instructions
     * @param securityMeasures  the security measures
     * @param breachReportHours the breach-report duty in hours
     * @param purposes          the registered purposes it processes for
     */
    public record Registration(String name, String nameTh, String nameEn, String contractRef, LocalDate contractDate,
            String instructions, String securityMeasures, Integer breachReportHours, List<String> purposes) {
    }

    /** Registers a processor; 400 on a missing or bad field or an unknown purpose, 409 on a name already taken. */
    public Mono<Processor> register(Registration r, String operator) {
        return Mono.defer(() -> {
            check(r);
            List<String> purposes = List.copyOf(new LinkedHashSet<>(r.purposes()));
            return db.sql("SELECT id FROM consent.purpose WHERE id = ANY (:ids)").bind("ids", Sql.array(purposes))
                    .map(row -> row.get("id", String.class)).all().collect(Collectors.toSet())
                    .flatMap(known -> {
                        List<String> unknown = purposes.stream().filter(p -> !known.contains(p)).toList();
                        if (!unknown.isEmpty()) {
                            return Mono.error(new ProblemException(CommonError.VALIDATION_FAILED,
                                    "purposes must be registered purposes", Map.of("unknown_purposes", unknown)));
                        }
                        UUID id = UUID.randomUUID();
                        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                        var spec = db.sql("INSERT INTO consent.processor (id, name, name_th, name_en, contract_ref, "
                                + "contract_date, instructions, security_measures, breach_report_hours, purposes, "
                                + "registered_by, registered_at) VALUES (:id, :name, :th, :en, :ref, :dated, :ins, "
                                + ":sec, :hours, :purposes, :by, :at)").bind("id", id).bind("name", r.name().strip())
                                .bind("ref", r.contractRef().strip()).bind("dated", r.contractDate())
                                .bind("ins", r.instructions().strip()).bind("sec", r.securityMeasures().strip())
                                .bind("hours", r.breachReportHours()).bind("purposes", Sql.array(purposes))
                                .bind("by", operator).bind("at", Sql.ts(now));
                        spec = Sql.bind(spec, "th", optional(r.nameTh()), String.class);
                        spec = Sql.bind(spec, "en", optional(r.nameEn()), String.class);
                        return spec.then().onErrorMap(DataIntegrityViolationException.class,
                                e -> new ProblemException(CommonError.CONFLICT,
                                        "A processor with this name is already registered",
                                        Map.of("name", r.name().strip()))).then(find(id));
                    });
        });
    }

    /** One processor, or empty. */
    public Mono<Processor> find(UUID id) {
        return db.sql("SELECT * FROM consent.processor WHERE id = :id").bind("id", id).map(Processors::read).one();
    }

    /** One processor or a 404. */
    public Mono<Processor> get(UUID id) {
        return find(id).switchIfEmpty(Mono.error(() -> new ProblemException(ConsentError.PROCESSOR_NOT_FOUND,
                "No such processor")));
    }

    /** The register by name, optionally only the processors of one purpose. */
    public Mono<Page<Processor>> list(String purposeId, int page, int size) {
        String where = purposeId == null ? "" : " WHERE :p = ANY (purposes)";
        DatabaseClient.GenericExecuteSpec items = db.sql("SELECT * FROM consent.processor" + where
                + " ORDER BY name, id LIMIT :l OFFSET :o").bind("l", size).bind("o", (long) page * size);
        DatabaseClient.GenericExecuteSpec count = db.sql("SELECT count(*) FROM consent.processor" + where);
        if (purposeId != null) {
            items = items.bind("p", purposeId);
            count = count.bind("p", purposeId);
        }
        return Mono.zip(items.map(Processors::read).all().collectList(),
                count.map(row -> row.get(0, Long.class)).one())
                .map(t -> new Page<>(t.getT1(), page, size, t.getT2()));
    }

    /** The registered processors among {@code names}, by name (every processor when null). */
    public Mono<Map<String, Processor>> byName(Collection<String> names) {
        if (names != null && names.isEmpty()) {
            return Mono.just(Map.of());
        }
        DatabaseClient.GenericExecuteSpec spec = db.sql("SELECT * FROM consent.processor"
                + (names == null ? "" : " WHERE name = ANY (:names)"));
        if (names != null) {
            spec = spec.bind("names", Sql.array(Set.copyOf(names)));
        }
        return spec.map(Processors::read).all().collectMap(Processor::name, Function.identity());
    }

    private void check(Registration r) {
        List<String> v = new ArrayList<>();
        if (blank(r.name())) {
            v.add("name is required");
        }
        if (blank(r.contractRef())) {
            v.add("contract_ref, the processing contract's reference, is required");
        }
        if (r.contractDate() == null || r.contractDate().isAfter(LocalDate.ofInstant(clock.instant(), BANGKOK))) {
            v.add("contract_date is required and cannot be in the future");
        }
        if (blank(r.instructions())) {
            v.add("instructions, the scope of the controller's instructions, is required");
        }
        if (blank(r.securityMeasures())) {
            v.add("security_measures is required");
        }
        if (r.breachReportHours() == null || r.breachReportHours() < 1
                || r.breachReportHours() > MAX_BREACH_REPORT_HOURS) {
            v.add("breach_report_hours, the duty to report a breach promptly, is required: 1 to "
                    + MAX_BREACH_REPORT_HOURS + " hours (typically " + TYPICAL_BREACH_REPORT_HOURS + ")");
        }
        if (r.purposes() == null || r.purposes().isEmpty() || r.purposes().stream().anyMatch(Processors::blank)) {
            v.add("purposes, the purposes it processes for, is required");
        }
        if (!v.isEmpty()) {
            throw new ProblemException(CommonError.VALIDATION_FAILED, String.join("; ", v), Map.of("violations", v));
        }
    }

    private static String optional(String s) {
        return blank(s) ? null : s.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Processor read(Readable r) {
        return new Processor(r.get("id", UUID.class), r.get("name", String.class), r.get("name_th", String.class),
                r.get("name_en", String.class), r.get("contract_ref", String.class),
                r.get("contract_date", LocalDate.class), r.get("instructions", String.class),
                r.get("security_measures", String.class), r.get("breach_report_hours", Integer.class),
                Sql.list(r, "purposes"), r.get("registered_by", String.class), Sql.instant(r, "registered_at"));
    }
}
