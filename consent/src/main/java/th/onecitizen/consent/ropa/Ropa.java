package th.onecitizen.consent.ropa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.config.ConsentProperties;
import th.onecitizen.consent.processor.Processor;
import th.onecitizen.consent.processor.Processors;
import th.onecitizen.consent.purpose.PublishedPurpose;
import th.onecitizen.consent.purpose.PurposeCatalog;

/**
 * The record of processing activities (s39), one entry per registered purpose, with the eight s39 items; items 6
 * (s27 para 3 uses without consent, from the access log) and 7 (refusals under s30-s32 and s36, from privacy
 * requests) fill themselves.
 */
public final class Ropa {

    /** The CSV columns, in order: every s39 item and the fields of PDPA.md's RopaEntry. */
    public static final List<String> COLUMNS = List.of("id", "controller", "controller_contact", "dpo_contact",
            "agency_id", "purpose", "basis", "legal_ref", "data_collected", "purpose_per_category", "retention_days",
            "access_rights", "s27_uses_without_consent", "refusals", "security_measures", "recipients",
            "cross_border", "processors", "processor_records", "processors_unregistered");

    static final String ACCESS_RIGHTS = "Citizens: access, copy, portability, objection, erasure, restriction and "
            + "rectification through /v1/me/privacy-requests (s30-s36), answered within 30 days; the consent ledger "
            + "and access log are visible to the citizen in the app; staff access is role-based and audited.";

    private final PurposeCatalog purposes;
    private final DatabaseClient db;
    private final ConsentProperties.Controller controller;
    private final Processors processors;

    public Ropa(PurposeCatalog purposes, DatabaseClient db, ConsentProperties.Controller controller,
            Processors processors) {
        this.purposes = purposes;
        this.db = db;
        this.controller = controller;
        this.processors = processors;
    }

    /** The largest page of entries one answer may hold (about 1.2 KB each). */
    public static final int MAX_PAGE = 100;

    /**
     * One page of the record, by purpose id.
     *
     * @param entries    the entries of the page
     * @param total      how many purposes are registered
     * @param limit      the page size asked for
     * @param nextCursor the cursor of the next page ({@code after}), or null on the last page
     */
    public record RopaPage(List<Map<String, Object>> entries, long total, int limit, String nextCursor) {
    }

    /** At most {@code limit} entries whose purpose id sorts after {@code after} (from the first when null). */
    public Mono<RopaPage> page(String after, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE);
        }
        return purposes.after(after, limit + 1).collectList().flatMap(found -> {
            List<PublishedPurpose> page = found.size() > limit ? found.subList(0, limit) : found;
            String next = found.size() > limit ? page.get(page.size() - 1).purpose().id() : null;
            List<String> ids = page.stream().map(p -> p.purpose().id()).toList();
            List<String> names = page.stream().flatMap(p -> p.purpose().processors().stream()).distinct().toList();
            return Mono.zip(uses(ids), refusals(), purposes.count(), processors.byName(names))
                    .map(t -> new RopaPage(page.stream().map(p -> entry(p, t.getT1(), t.getT2(), t.getT4()))
                            .toList(), t.getT3(), limit, next));
        });
    }

    /** Every entry, by purpose id, streamed from the catalogue. */
    public Flux<Map<String, Object>> entries() {
        return Mono.zip(uses(null), refusals(), processors.byName(null)).flatMapMany(t -> purposes.all()
                .map(p -> entry(p, t.getT1(), t.getT2(), t.getT3())));
    }

    /** s27 para 3 uses per purpose (of {@code ids}, or of every purpose when null). */
    private Mono<Map<String, Long>> uses(List<String> ids) {
        if (ids != null && ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        DatabaseClient.GenericExecuteSpec spec = db.sql("SELECT purpose_id, count(*) AS n FROM consent.access_log "
                + "WHERE basis <> 'consent'" + (ids == null ? "" : " AND purpose_id = ANY (:ids)")
                + " GROUP BY purpose_id");
        if (ids != null) {
            spec = spec.bind("ids", ids.toArray(String[]::new));
        }
        return spec.map(r -> Map.entry(r.get("purpose_id", String.class), r.get("n", Long.class))).all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private Mono<Map<String, String>> refusals() {
        return db.sql("SELECT r.type, count(*) AS n, string_agg(DISTINCT f.ground, ', ') "
                + "AS grounds FROM consent.privacy_request r JOIN consent.privacy_request_refusal f ON f.request_id = "
                + "r.id GROUP BY r.type").map(r -> Map.entry(r.get("type", String.class), r.get("n", Long.class)
                        + " refused (" + r.get("grounds", String.class) + ")")).all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private Map<String, Object> entry(PublishedPurpose pp, Map<String, Long> uses, Map<String, String> refusals,
            Map<String, Processor> registered) {
        var p = pp.purpose();
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", p.id());
        e.put("controller", controller.name());
        e.put("controller_contact", controller.contact());
        e.put("dpo_contact", controller.dpoContact());
        e.put("agency_id", p.agencyId());
        e.put("purpose", pp.notice().titleEn() + " / " + pp.notice().titleTh());
        e.put("basis", p.basis().code());
        e.put("legal_ref", p.legalRef());
        List<String> categories = new ArrayList<>(new TreeSet<>(p.categories()));
        e.put("data_collected", categories);
        Map<String, String> perCategory = new LinkedHashMap<>();
        categories.forEach(c -> perCategory.put(c, pp.notice().titleEn()));
        e.put("purpose_per_category", perCategory);
        e.put("retention_days", p.retentionDays());
        e.put("access_rights", ACCESS_RIGHTS);
        e.put("s27_uses_without_consent", uses.getOrDefault(p.id(), 0L));
        e.put("refusals", refusals.isEmpty() ? "none" : refusals.toString());
        e.put("security_measures", p.securityMeasures());
        e.put("recipients", p.recipients());
        e.put("cross_border", p.crossBorder().code() + (p.crossBorderCountry() == null ? ""
                : " (" + p.crossBorderCountry() + ")"));
        e.put("processors", p.processors());
        // R40.1: each named processor's structured record (s40), and the names with no record in the register
        List<Map<String, Object>> records = new ArrayList<>();
        List<String> unregistered = new ArrayList<>();
        for (String name : p.processors()) {
            Processor r = registered.get(name);
            if (r == null) {
                unregistered.add(name);
            } else {
                records.add(record(r));
            }
        }
        e.put("processor_records", records);
        e.put("processors_unregistered", unregistered);
        return e;
    }

    private static Map<String, Object> record(Processor r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id().toString());
        m.put("name", r.name());
        m.put("name_th", r.nameTh());
        m.put("name_en", r.nameEn());
        m.put("contract_ref", r.contractRef());
        m.put("contract_date", r.contractDate().toString());
        m.put("instructions", r.instructions());
        m.put("security_measures", r.securityMeasures());
        m.put("breach_report_hours", r.breachReportHours());
        m.put("purposes", r.purposes());
        return m;
    }

    /**
     * The entries as RFC 4180 CSV: the header row, then one line per purpose as the catalogue streams it (never
     * the whole document in memory).
     */
    public Flux<String> csvLines() {
        return Flux.concat(Mono.just(String.join(",", COLUMNS) + "\r\n"), entries().map(row -> {
            List<String> cells = new ArrayList<>();
            for (String c : COLUMNS) {
                cells.add(cell(row.get(c)));
            }
            return String.join(",", cells) + "\r\n";
        }));
    }

    /** A list item: a processor's record as {@code key: value} pairs, anything else as its string. */
    private static String text(Object item) {
        if (item instanceof Map<?, ?> m) {
            List<String> pairs = new ArrayList<>();
            m.forEach((k, val) -> {
                if (val != null) {
                    pairs.add(k + ": " + (val instanceof List<?> l ? String.join(" ", l.stream()
                            .map(String::valueOf).toList()) : val));
                }
            });
            return "{" + String.join(", ", pairs) + "}";
        }
        return String.valueOf(item);
    }

    private static String cell(Object v) {
        String s = v == null ? "" : v instanceof List<?> l ? String.join("; ", l.stream().map(Ropa::text)
                .toList()) : String.valueOf(v);
        // a leading formula character would run in a spreadsheet (CSV injection)
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
