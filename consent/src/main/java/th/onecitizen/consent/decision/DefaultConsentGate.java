package th.onecitizen.consent.decision;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.ConsentError;
import th.onecitizen.consent.config.Sql;
import th.onecitizen.consent.grant.AgeRules;
import th.onecitizen.consent.grant.SubjectFacts;
import th.onecitizen.consent.purpose.CrossBorder;
import th.onecitizen.consent.purpose.DataCategories;

/**
 * The consent gate: evaluates a request against the purpose, the subject's processing limits and consents, and
 * mints a short-lived {@link Permit} or a {@link Refusal}. Evaluations are cached on this instance and trusted only
 * while their decision version equals the one in Redis (see {@link DecisionVersions}); any doubt goes to PostgreSQL.
 */
public final class DefaultConsentGate implements ConsentGate, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DefaultConsentGate.class);
    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    private static final String EVALUATE = "SELECT p.agency_id, p.basis, p.categories, p.sensitive_exception, "
            + "p.cross_border, p.minor_may_consent_alone, p.current_notice_version AS purpose_revision, "
            + "(SELECT max(n.version) FROM consent.notice n WHERE n.purpose_id = p.id AND n.material) AS material_version, "
            + "coalesce(s.version, 0) AS version, coalesce(s.restricted, false) AS restricted, "
            + "coalesce(s.objected_all, false) AS objected_all, s.objected_purposes, "
            + "c.state, c.notice_version AS consent_version, c.actor_role, c.guardian_role, "
            + "(SELECT r.role FROM consent.representation r WHERE r.ward_ref = :s AND r.revoked_at IS NULL "
            + "AND r.valid_from <= now() AND (r.valid_until IS NULL OR r.valid_until > now())) AS represented_by "
            + "FROM consent.purpose p LEFT JOIN consent.subject_state s ON s.subject_ref = :s "
            + "LEFT JOIN LATERAL (SELECT * FROM consent.consent c WHERE c.subject_ref = :s AND c.purpose_id = p.id "
            + "ORDER BY c.granted_at DESC LIMIT 1) c ON true WHERE p.id = :p";

    private final DatabaseClient db;
    private final SubjectFacts facts;
    private final DecisionVersions versions;
    private final LocalDecisionCache cache;
    private final boolean cacheEnabled;
    private final Duration cacheTtl;
    private final Duration permitTtl;
    private final Clock clock;
    private final DecisionLog decisionLog;
    private volatile Disposable invalidations;

    public DefaultConsentGate(DatabaseClient db, SubjectFacts facts, DecisionVersions versions, boolean cacheEnabled,
            Duration cacheTtl, int cacheMaxEntries, Duration permitTtl, Clock clock) {
        this.db = db;
        this.decisionLog = new DecisionLog(db);
        this.facts = facts;
        this.versions = versions;
        this.cache = new LocalDecisionCache(cacheMaxEntries);
        this.cacheEnabled = cacheEnabled;
        this.cacheTtl = cacheTtl;
        this.permitTtl = permitTtl;
        this.clock = clock;
    }

    /**
     * {@inheritDoc} A refusal is written to the {@link DecisionLog} before it is answered (R19.1); a permit adds no
     * write.
     */
    @Override
    public Mono<Decision> decide(DecisionRequest request) {
        return grounds(request).flatMap(g -> {
            Decision d = toDecision(request, g);
            return d instanceof Decision.Refused refused
                    ? decisionLog.refused(request, refused.refusal(), clock.instant()).thenReturn(d)
                    : Mono.just(d);
        });
    }

    /** The log this gate writes its refusals to. */
    public DecisionLog decisionLog() {
        return decisionLog;
    }

    private Mono<Grounds> grounds(DecisionRequest request) {
        if (!cacheEnabled) {
            return evaluate(request).map(Evaluation::grounds);
        }
        String key = request.agencyId() + '|' + request.purposeId() + '|'
                + String.join(",", new TreeSet<>(request.dataCategories()));
        return versions.current(request.subjectRef(), request.purposeId())
                .map(v -> new Current(Versioned.of(v[0]), Versioned.of(v[1])))
                // Redis down: decide from PostgreSQL and cache nothing (fail towards the truth, not towards speed)
                .onErrorResume(e -> Mono.just(Current.UNKNOWN))
                .flatMap(current -> {
                    LocalDecisionCache.Entry hit = cache.get(request.subjectRef(), key);
                    if (hit != null && current.subject.matches(hit.version())
                            && current.purpose.matches(hit.purposeRevision())
                            && clock.instant().isBefore(hit.expiresAt())) {
                        return Mono.just(hit.grounds());
                    }
                    return evaluate(request).flatMap(ev -> remember(request, key, current, ev)
                            .thenReturn(ev.grounds()));
                });
    }

    private Mono<Void> remember(DecisionRequest r, String key, Current current, Evaluation ev) {
        if (ev.version() < 0 || current == Current.UNKNOWN) {
            return Mono.empty();
        }
        LocalDecisionCache.Entry entry = new LocalDecisionCache.Entry(ev.version(), ev.purposeRevision(),
                ev.grounds(), clock.instant().plus(cacheTtl));
        // Only the first to publish a version may cache under it; a change in flight deletes it again.
        Mono<Boolean> subjectOk = current.subject.known() ? Mono.just(current.subject.version() == ev.version())
                : versions.adopt(r.subjectRef(), ev.version());
        Mono<Boolean> purposeOk = current.purpose.known()
                ? Mono.just(current.purpose.version() == ev.purposeRevision())
                : versions.adoptPurpose(r.purposeId(), ev.purposeRevision());
        return Mono.zip(subjectOk, purposeOk)
                .doOnNext(ok -> {
                    if (ok.getT1() && ok.getT2()) {
                        cache.put(r.subjectRef(), key, entry);
                    }
                })
                .onErrorResume(e -> Mono.empty()).then();
    }

    private Mono<Evaluation> evaluate(DecisionRequest r) {
        return db.sql(EVALUATE).bind("s", r.subjectRef()).bind("p", r.purposeId()).map(Row::of).one()
                .flatMap(row -> judge(r, row).map(g -> new Evaluation(row.version, row.purposeRevision, g)))
                .defaultIfEmpty(new Evaluation(-1, -1, Grounds.refuse(RefusalCode.PURPOSE_UNKNOWN.refusal(
                        "No registered purpose with this id", null))));
    }

    private Mono<Grounds> judge(DecisionRequest r, Row row) {
        String purpose = r.purposeId();
        if (!row.agencyId.equals(r.agencyId())) {
            return refuse(RefusalCode.PURPOSE_MISMATCH, "The purpose does not name this agency", purpose);
        }
        if (row.restricted) {
            return refuse(RefusalCode.PROCESSING_RESTRICTED, "The citizen restricted processing (s34)", null);
        }
        if (row.objectedAll || row.objectedPurposes.contains(purpose)) {
            return refuse(RefusalCode.PROCESSING_OBJECTED, "The citizen objected to this processing (s32)", purpose);
        }
        Set<String> allowed = new HashSet<>(r.dataCategories());
        allowed.retainAll(row.categories);
        if (allowed.isEmpty()) {
            return refuse(RefusalCode.PURPOSE_MISMATCH, "None of the requested categories is in the purpose",
                    purpose);
        }
        if (row.crossBorder == CrossBorder.INADEQUATE) {
            return refuse(RefusalCode.CROSS_BORDER_NOT_ALLOWED, "No lawful route for this transfer abroad (s28)",
                    purpose);
        }
        if (row.basis != LawfulBasis.CONSENT) {
            if (DataCategories.anySensitive(allowed) && row.sensitiveException == null) {
                return refuse(RefusalCode.SENSITIVE_DATA_BASIS_MISSING,
                        "Sensitive categories need explicit consent or an s26 exception", purpose);
            }
            return Mono.just(Grounds.allow(row.basis, allowed));
        }
        if (row.state == null) {
            return refuse(RefusalCode.CONSENT_REQUIRED, "Ask the citizen to consent to this purpose", purpose);
        }
        if (!"given".equals(row.state)) {
            return refuse(RefusalCode.CONSENT_WITHDRAWN, "The citizen withdrew consent to this purpose", purpose);
        }
        if (row.materialVersion != null && row.materialVersion > row.consentVersion) {
            return refuse(RefusalCode.CONSENT_RENEWAL_REQUIRED,
                    "The notice changed materially since the citizen consented; ask again", purpose);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), BANGKOK);
        return facts.of(r.subjectRef()).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .map(f -> AgeRules.check(AgeRules.withRepresentation(f.orElse(null), row.representedBy), today,
                        row.actorRole, row.guardianRole, row.minorAlone)
                        .map(e -> Grounds.refuse((e == ConsentError.AGE_UNVERIFIED ? RefusalCode.AGE_UNVERIFIED
                                : RefusalCode.MINOR_REQUIRES_GUARDIAN).refusal(e.title() + " (s20)", purpose)))
                        .orElseGet(() -> Grounds.allow(LawfulBasis.CONSENT, allowed)));
    }

    private static Mono<Grounds> refuse(RefusalCode code, String detail, String purposeId) {
        return Mono.just(Grounds.refuse(code.refusal(detail, purposeId)));
    }

    private Decision toDecision(DecisionRequest r, Grounds g) {
        if (g.refusal() != null) {
            return new Decision.Refused(g.refusal());
        }
        Instant now = clock.instant();
        return new Decision.Allowed(new Permit(UUID.randomUUID().toString(), r.subjectRef(), r.agencyId(),
                r.purposeId(), g.basis(), g.categories(), now, now.plus(permitTtl)));
    }

    @Override
    public void start() {
        if (cacheEnabled) {
            invalidations = versions.invalidations()
                    .doOnNext(this::evict)
                    .onErrorContinue((e, o) -> log.warn("Decision invalidation failed: {}", e.toString()))
                    .subscribe();
        }
    }

    private void evict(String message) {
        if (message.startsWith(DecisionVersions.PURPOSE_MESSAGE)) {
            cache.evictPurpose(message.substring(DecisionVersions.PURPOSE_MESSAGE.length()));
        } else if (message.startsWith(DecisionVersions.SUBJECT_MESSAGE)) {
            cache.evict(message.substring(DecisionVersions.SUBJECT_MESSAGE.length()));
        }
    }

    @Override
    public void stop() {
        Disposable d = invalidations;
        if (d != null) {
            d.dispose();
            invalidations = null;
        }
    }

    @Override
    public boolean isRunning() {
        return invalidations != null;
    }

    /** A version read from Redis before evaluating; unknown when absent (-1 from Redis) or unreadable. */
    private record Versioned(long version, boolean known) {
        static final Versioned UNKNOWN = new Versioned(-2, false);

        static Versioned of(long v) {
            return v < 0 ? new Versioned(-1, false) : new Versioned(v, true);
        }

        boolean matches(long cached) {
            return known && version == cached;
        }
    }

    /** The subject's decision version and the purpose's revision, as Redis holds them now. */
    private record Current(Versioned subject, Versioned purpose) {
        static final Current UNKNOWN = new Current(Versioned.UNKNOWN, Versioned.UNKNOWN);
    }

    private record Evaluation(long version, long purposeRevision, Grounds grounds) {
    }

    private record Row(String agencyId, LawfulBasis basis, Set<String> categories, String sensitiveException,
            CrossBorder crossBorder, boolean minorAlone, long purposeRevision, Integer materialVersion, long version,
            boolean restricted,
            boolean objectedAll, List<String> objectedPurposes, String state, Integer consentVersion,
            String actorRole, String guardianRole, String representedBy) {

        static Row of(Readable r) {
            String[] objected = r.get("objected_purposes", String[].class);
            return new Row(r.get("agency_id", String.class), LawfulBasis.ofCode(r.get("basis", String.class)),
                    new HashSet<>(Sql.list(r, "categories")), r.get("sensitive_exception", String.class),
                    CrossBorder.ofCode(r.get("cross_border", String.class)),
                    r.get("minor_may_consent_alone", Boolean.class), r.get("purpose_revision", Integer.class),
                    r.get("material_version", Integer.class),
                    r.get("version", Long.class), r.get("restricted", Boolean.class),
                    r.get("objected_all", Boolean.class), objected == null ? List.of() : Arrays.asList(objected),
                    r.get("state", String.class), r.get("consent_version", Integer.class),
                    r.get("actor_role", String.class), r.get("guardian_role", String.class),
                    r.get("represented_by", String.class));
        }
    }
}
