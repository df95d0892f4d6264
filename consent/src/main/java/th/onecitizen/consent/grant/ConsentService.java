package th.onecitizen.consent.grant;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.ConsentError;
import th.onecitizen.consent.Page;
import th.onecitizen.consent.config.ConsentProperties;
import th.onecitizen.consent.config.Sql;
import th.onecitizen.consent.decision.DecisionVersions;
import th.onecitizen.consent.decision.LawfulBasis;
import th.onecitizen.consent.ledger.ConsentLedger;
import th.onecitizen.consent.ledger.LedgerEntry;
import th.onecitizen.consent.purpose.PublishedPurpose;
import th.onecitizen.consent.purpose.PurposeCatalog;
import th.onecitizen.consent.receipt.ConsentReceipt;
import th.onecitizen.consent.receipt.ReceiptClaims;
import th.onecitizen.consent.receipt.ReceiptSigner;
import th.onecitizen.consent.representation.Representation;
import th.onecitizen.consent.representation.Representations;
import th.onecitizen.platform.error.CommonError;
import th.onecitizen.platform.error.ProblemException;

/**
 * Giving and withdrawing consent (s19, s20): each is one ledger append, one projection update and one signed
 * receipt in a single transaction. Remote calls (the subject's facts, Redis) happen outside it.
 */
public final class ConsentService {

    static final Set<String> LANGUAGES = Set.of("th", "en");
    static final Set<String> ACTORS = Set.of("self", "parent", "custodian", "curator");
    static final Set<String> GUARDIANS = Set.of("parent", "curator");
    /** Roles that act only under a registered representation, through the representative's own sign-in (R20.3). */
    static final Set<String> REPRESENTATIVES = Set.of("custodian", "curator");
    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    private static final String VIEW = "SELECT c.*, p.agency_id, n.title_th, n.title_en, n.refusal_effect_th, "
            + "n.refusal_effect_en, l.categories, coalesce((SELECT max(m.version) FROM consent.notice m "
            + "WHERE m.purpose_id = c.purpose_id AND m.material), 0) > c.notice_version AS renewal_required, "
            + "count(*) OVER () AS total FROM consent.consent c JOIN consent.purpose p ON p.id = c.purpose_id "
            + "JOIN consent.notice n ON n.purpose_id = c.purpose_id AND n.version = c.notice_version "
            + "JOIN consent.ledger l ON l.subject_ref = c.subject_ref AND l.consent_id = c.id AND l.event = 'granted' ";

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final PurposeCatalog purposes;
    private final ConsentLedger ledger;
    private final ReceiptSigner signer;
    private final SubjectFacts facts;
    private final DecisionVersions versions;
    private final ConsentProperties properties;
    private final Clock clock;
    private final Representations representations;

    public ConsentService(DatabaseClient db, TransactionalOperator tx, PurposeCatalog purposes, ConsentLedger ledger,
            ReceiptSigner signer, SubjectFacts facts, DecisionVersions versions, ConsentProperties properties,
            Clock clock, Representations representations) {
        this.representations = representations;
        this.db = db;
        this.tx = tx;
        this.purposes = purposes;
        this.ledger = ledger;
        this.signer = signer;
        this.facts = facts;
        this.versions = versions;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Records the citizen's own explicit consent to one purpose and returns it with its signed receipt. A custodian
     * or curator does not act here (R20.3): refused, as is any grant for a citizen under a representation in force.
     */
    public Mono<ConsentChange> grant(GrantCommand c) {
        return Mono.defer(() -> {
            checkShape(c);
            if (REPRESENTATIVES.contains(c.actorRole())
                    || c.guardianRole() != null && REPRESENTATIVES.contains(c.guardianRole())) {
                return Mono.error(new ProblemException(ConsentError.REPRESENTATIVE_REQUIRED, "A custodian or curator "
                        + "consents through /v1/me/wards/{ward_ref}/consents, signed in as themself, under a "
                        + "representation registered from the court order (R20.3)"));
            }
            return representations.inForceFor(c.subjectRef())
                    .flatMap(r -> Mono.<ConsentChange>error(wardAlone(r)))
                    .switchIfEmpty(Mono.defer(() -> grant(c, null)));
        });
    }

    /**
     * Records a consent that a custodian or curator gives for the ward under the representation in force (R20.3):
     * the ledger and the receipt hold the actor's role and the proof of authority. 404 when the caller holds none.
     */
    public Mono<ConsentChange> grantForWard(String representativeRef, String wardRef, GrantCommand asked) {
        return representations.inForce(wardRef, representativeRef).flatMap(r -> {
            GrantCommand c = new GrantCommand(wardRef, asked.purposeId(), asked.noticeVersion(), asked.language(),
                    asked.explicitAct(), r.role(), r.ledgerAuthority(), null, null, asked.channel());
            checkShape(c);
            return grant(c, r);
        });
    }

    private static ProblemException wardAlone(Representation r) {
        return new ProblemException(ConsentError.REPRESENTATIVE_REQUIRED, "A " + r.role() + " is registered for this "
                + "citizen (s20): consent is given and withdrawn by them, not by the citizen alone",
                Map.of("representative_role", r.role()));
    }

    private Mono<ConsentChange> grant(GrantCommand c, Representation representation) {
        return Mono.defer(() -> purposes.find(c.purposeId())
                    .switchIfEmpty(Mono.error(() -> new ProblemException(ConsentError.PURPOSE_NOT_FOUND,
                            "No purpose with this id")))
                    .flatMap(p -> checkPurpose(c, p).then(checkAge(c, p, representation)).thenReturn(p))
                    .flatMap(p -> versions.beforeChange(c.subjectRef())
                            .onErrorMap(e -> new ProblemException(ConsentError.LEDGER_UNAVAILABLE,
                                    "Consent cannot be recorded right now; try again"))
                            .then(appendGrant(c, p).as(tx::transactional))
                            .flatMap(done -> versions.afterChange(c.subjectRef(), done.version)
                                    .then(view(c.subjectRef(), done.receipt.consentId()))
                                    .map(v -> new ConsentChange(v, done.receipt)))));
    }

    /**
     * Withdraws a consent of this subject in one step; earlier events stay (R19.6). 404 for anyone else's. Refused
     * while a representation is in force for the subject: withdrawal follows the same rules as consent (R20.3).
     */
    public Mono<ConsentChange> withdraw(String subjectRef, UUID consentId, String channel) {
        return representations.inForceFor(subjectRef)
                .flatMap(r -> Mono.<ConsentChange>error(wardAlone(r)))
                .switchIfEmpty(Mono.defer(() -> withdraw(subjectRef, consentId, channel, "self", null)));
    }

    /** Withdraws a consent of the ward, by the custodian or curator in force (R20.3); 404 when the caller has none. */
    public Mono<ConsentChange> withdrawForWard(String representativeRef, String wardRef, UUID consentId,
            String channel) {
        return representations.inForce(wardRef, representativeRef)
                .flatMap(r -> withdraw(wardRef, consentId, channel, r.role(), r.ledgerAuthority()));
    }

    private Mono<ConsentChange> withdraw(String subjectRef, UUID consentId, String channel, String actorRole,
            String authorityRef) {
        return loadOwn(subjectRef, consentId)
                .flatMap(row -> {
                    if (!"given".equals(row.state)) {
                        return Mono.error(new ProblemException(ConsentError.CONSENT_ALREADY_WITHDRAWN,
                                "This consent was already withdrawn"));
                    }
                    return purposes.find(row.purposeId).flatMap(p -> versions.beforeChange(subjectRef)
                            .onErrorMap(e -> new ProblemException(ConsentError.LEDGER_UNAVAILABLE,
                                    "Consent cannot be withdrawn right now; try again"))
                            .then(appendWithdrawal(subjectRef, consentId, channel, p, actorRole, authorityRef)
                                    .as(tx::transactional)));
                })
                .flatMap(done -> versions.afterChange(subjectRef, done.version)
                        .then(view(subjectRef, consentId)).map(v -> new ConsentChange(v, done.receipt)));
    }

    /** Withdraws every active consent of the subject (erasure, s33), returning how many were withdrawn. */
    public Mono<Long> withdrawAll(String subjectRef, String channel) {
        return db.sql("SELECT id FROM consent.consent WHERE subject_ref = :s AND state = 'given'").bind("s", subjectRef)
                .map(r -> r.get("id", UUID.class)).all()
                // an erasure request is the authority here, whoever acts for the subject
                .concatMap(id -> withdraw(subjectRef, id, channel, "self", null)
                        .onErrorResume(ProblemException.class, e -> Mono.empty()))
                .count();
    }

    /** The subject's consents, newest first. */
    public Mono<Page<ConsentView>> list(String subjectRef, String state, int page, int size) {
        String where = "WHERE c.subject_ref = :s" + (state == null ? "" : " AND c.state = :state");
        DatabaseClient.GenericExecuteSpec spec = db.sql(VIEW + where + " ORDER BY c.granted_at DESC, c.id "
                + "LIMIT :limit OFFSET :offset").bind("s", subjectRef).bind("limit", size)
                .bind("offset", (long) page * size);
        if (state != null) {
            spec = spec.bind("state", state);
        }
        return spec.map(r -> new Object[] {read(r), r.get("total", Long.class)}).all().collectList()
                .map(rows -> new Page<>(rows.stream().map(o -> (ConsentView) o[0]).toList(), page, size,
                        rows.isEmpty() ? countFallback(page) : (Long) rows.get(0)[1]));
    }

    private static long countFallback(int page) {
        // an empty page past the end cannot tell the total from the window function; the client knows it is done
        return page == 0 ? 0 : -1;
    }

    /** One consent of the subject, or a 404 that says nothing about other subjects' consents. */
    public Mono<ConsentView> view(String subjectRef, UUID consentId) {
        return db.sql(VIEW + "WHERE c.subject_ref = :s AND c.id = :id").bind("s", subjectRef).bind("id", consentId)
                .map(ConsentService::read).one()
                .switchIfEmpty(Mono.error(() -> new ProblemException(ConsentError.CONSENT_NOT_FOUND,
                        "No such consent")));
    }

    /** Every receipt issued for one of the subject's consents, oldest first. */
    public Flux<ConsentReceipt> receipts(String subjectRef, UUID consentId) {
        return loadOwn(subjectRef, consentId).flatMapMany(row -> db.sql("SELECT * FROM consent.receipt WHERE consent_id = :c "
                + "AND subject_ref = :s ORDER BY issued_at").bind("c", consentId).bind("s", subjectRef)
                .map(r -> new ConsentReceipt(r.get("id", UUID.class), r.get("consent_id", UUID.class),
                        r.get("state", String.class), r.get("jws", String.class), Sql.instant(r, "issued_at")))
                .all());
    }

    private void checkShape(GrantCommand c) {
        if (!c.explicitAct()) {
            throw new ProblemException(ConsentError.CONSENT_NOT_EXPLICIT,
                    "Consent needs the citizen's own explicit act: send explicit_act true only when they ticked an "
                            + "unticked control (R19.2)");
        }
        if (!LANGUAGES.contains(c.language())) {
            throw new ProblemException(CommonError.VALIDATION_FAILED, "language must be th or en",
                    Map.of("field", "language"));
        }
        if (!ACTORS.contains(c.actorRole())) {
            throw new ProblemException(CommonError.VALIDATION_FAILED,
                    "actor.role must be self, parent, custodian or curator", Map.of("field", "actor.role"));
        }
        if (!"self".equals(c.actorRole()) && blank(c.authorityRef())) {
            throw new ProblemException(CommonError.VALIDATION_FAILED,
                    "a representative needs actor.authority_ref, the proof of authority (R20.3)",
                    Map.of("field", "actor.authority_ref"));
        }
        if (c.guardianRole() != null && (!GUARDIANS.contains(c.guardianRole()) || blank(c.guardianRef()))) {
            throw new ProblemException(CommonError.VALIDATION_FAILED,
                    "guardian.role must be parent or curator, with guardian.authority_ref", Map.of("field",
                            "guardian"));
        }
    }

    private Mono<Void> checkPurpose(GrantCommand c, PublishedPurpose p) {
        if (p.purpose().basis() != LawfulBasis.CONSENT) {
            return Mono.error(new ProblemException(ConsentError.PURPOSE_NOT_CONSENT_BASED,
                    "This purpose rests on " + p.purpose().basis().code() + ", not on consent"));
        }
        if (c.noticeVersion() != p.notice().version()) {
            return Mono.error(new ProblemException(ConsentError.NOTICE_VERSION_OUTDATED,
                    "Show the current notice and ask again", Map.of("current_notice_version", p.notice().version())));
        }
        return Mono.empty();
    }

    private Mono<Void> checkAge(GrantCommand c, PublishedPurpose p, Representation representation) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), BANGKOK);
        return facts.of(c.subjectRef())
                .map(f -> AgeRules.withRepresentation(f, representation == null ? null : representation.role()))
                .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .flatMap(f -> AgeRules.check(f.orElse(null), today, c.actorRole(), c.guardianRole(),
                        p.purpose().minorMayConsentAlone())
                        .<Mono<Void>>map(e -> Mono.error(new ProblemException(e, e == ConsentError.AGE_UNVERIFIED
                                ? "No verified date of birth is on record; link a digital ID first"
                                : "Under PDPA s20 the holder of parental responsibility (under 10: alone; from 10 to "
                                        + "under 20: together with the minor), a custodian or a curator must consent",
                                Map.of("purpose_id", p.purpose().id()))))
                        .orElseGet(Mono::empty));
    }

    private Mono<Done> appendGrant(GrantCommand c, PublishedPurpose p) {
        Instant now = now();
        UUID consentId = UUID.randomUUID();
        LedgerEntry draft = new LedgerEntry(c.subjectRef(), 0, UUID.randomUUID(), consentId, "granted",
                p.purpose().id(), p.notice().version(), p.notice().hash(c.language()), c.language(),
                List.copyOf(p.purpose().categories()), c.actorRole(), c.authorityRef(), c.guardianRole(),
                c.guardianRef(), c.channel(), 1, now, null, null);
        // the notice version is re-read under a share lock so a revision cannot slip in between check and commit
        return db.sql("SELECT current_notice_version FROM consent.purpose WHERE id = :p FOR SHARE").bind("p",
                p.purpose().id()).map(r -> r.get(0, Integer.class)).one()
                .flatMap(current -> current != c.noticeVersion()
                        ? Mono.error(new ProblemException(ConsentError.NOTICE_VERSION_OUTDATED,
                                "Show the current notice and ask again", Map.of("current_notice_version", current)))
                        : ledger.append(draft))
                // a renewal after a material revision supersedes the consent given to an older notice version
                .flatMap(appended -> db.sql("UPDATE consent.consent SET state = 'superseded', withdrawn_at = :at "
                        + "WHERE subject_ref = :s AND purpose_id = :p AND state = 'given' AND notice_version < :v")
                        .bind("at", Sql.ts(now)).bind("s", c.subjectRef()).bind("p", p.purpose().id())
                        .bind("v", c.noticeVersion()).then().thenReturn(appended))
                .flatMap(appended -> Sql.bind(db.sql("INSERT INTO consent.consent (id, subject_ref, purpose_id, "
                        + "notice_version, language, state, actor_role, guardian_role, granted_at, last_seq) VALUES "
                        + "(:id, :s, :p, :v, :lang, 'given', :actor, :guardian, :at, :seq)")
                        .bind("id", consentId).bind("s", c.subjectRef()).bind("p", p.purpose().id())
                        .bind("v", c.noticeVersion()).bind("lang", c.language()).bind("actor", c.actorRole())
                        .bind("at", Sql.ts(now)).bind("seq", appended.entry().seq()), "guardian", c.guardianRole(),
                        String.class).then()
                        .then(receipt(p, appended.entry(), "given"))
                        .map(r -> new Done(r, appended.version())))
                .onErrorMap(DataIntegrityViolationException.class, e -> new ProblemException(
                        ConsentError.CONSENT_ALREADY_GIVEN, "Consent to this purpose is already active"));
    }

    private Mono<Done> appendWithdrawal(String subjectRef, UUID consentId, String channel, PublishedPurpose p,
            String actorRole, String authorityRef) {
        return db.sql("SELECT * FROM consent.consent WHERE id = :id AND subject_ref = :s FOR UPDATE").bind("id", consentId)
                .bind("s", subjectRef).map(ConsentRow::of).one()
                .flatMap(row -> {
                    if (!"given".equals(row.state)) {
                        return Mono.error(new ProblemException(ConsentError.CONSENT_ALREADY_WITHDRAWN,
                                "This consent was already withdrawn"));
                    }
                    Instant now = now();
                    return purposes.notice(row.purposeId, row.noticeVersion).flatMap(n -> ledger.append(
                            new LedgerEntry(subjectRef, 0, UUID.randomUUID(), consentId, "withdrawn", row.purposeId,
                                    row.noticeVersion, n.hash(row.language),
                                    row.language, List.copyOf(p.purpose().categories()), actorRole, authorityRef,
                                    null, null,
                                    channel, 1, now, null, null)))
                            .flatMap(appended -> db.sql("UPDATE consent.consent SET state = 'withdrawn', withdrawn_at = :at, "
                                    + "last_seq = :seq WHERE id = :id").bind("at", Sql.ts(now))
                                    .bind("seq", appended.entry().seq()).bind("id", consentId).then()
                                    .then(receipt(p, appended.entry(), "withdrawn"))
                                    .map(r -> new Done(r, appended.version())));
                });
    }

    private Mono<ConsentReceipt> receipt(PublishedPurpose p, LedgerEntry entry, String state) {
        UUID receiptId = UUID.randomUUID();
        Instant now = entry.at();
        return purposes.notice(p.purpose().id(), entry.noticeVersion()).defaultIfEmpty(p.notice()).flatMap(n -> {
            String jws = signer.sign(ReceiptClaims.of(receiptId, state, p.purpose(), n, entry,
                    properties.controller(), properties.receiptIssuer(), now));
            return db.sql("INSERT INTO consent.receipt (id, consent_id, subject_ref, state, jws, issued_at) VALUES (:id, :c, "
                    + ":s, :state, :jws, :at)").bind("id", receiptId).bind("c", entry.consentId())
                    .bind("s", entry.subjectRef()).bind("state", state).bind("jws", jws).bind("at", Sql.ts(now))
                    .then().thenReturn(new ConsentReceipt(receiptId, entry.consentId(), state, jws, now));
        });
    }

    private Mono<ConsentRow> loadOwn(String subjectRef, UUID consentId) {
        return db.sql("SELECT * FROM consent.consent WHERE id = :id AND subject_ref = :s").bind("id", consentId)
                .bind("s", subjectRef).map(ConsentRow::of).one()
                .switchIfEmpty(Mono.error(() -> new ProblemException(ConsentError.CONSENT_NOT_FOUND,
                        "No such consent")));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static ConsentView read(Readable r) {
        return new ConsentView(r.get("id", UUID.class), r.get("purpose_id", String.class),
                r.get("agency_id", String.class), r.get("title_th", String.class), r.get("title_en", String.class),
                r.get("notice_version", Integer.class), r.get("language", String.class), r.get("state", String.class),
                Sql.list(r, "categories").stream().sorted().toList(), r.get("actor_role", String.class),
                Sql.instant(r, "granted_at"), Sql.instant(r, "withdrawn_at"),
                Boolean.TRUE.equals(r.get("renewal_required", Boolean.class)), r.get("refusal_effect_th", String.class),
                r.get("refusal_effect_en", String.class));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private record Done(ConsentReceipt receipt, long version) {
    }

    private record ConsentRow(String purposeId, int noticeVersion, String language, String state) {
        static ConsentRow of(Readable r) {
            return new ConsentRow(r.get("purpose_id", String.class), r.get("notice_version", Integer.class),
                    r.get("language", String.class), r.get("state", String.class));
        }
    }
}
