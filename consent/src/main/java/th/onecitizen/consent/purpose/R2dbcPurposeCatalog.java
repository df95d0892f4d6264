package th.onecitizen.consent.purpose;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.ConsentError;
import th.onecitizen.consent.config.ConsentProperties;
import th.onecitizen.consent.config.Sql;
import th.onecitizen.consent.decision.DecisionVersions;
import th.onecitizen.consent.decision.LawfulBasis;
import th.onecitizen.platform.error.CommonError;
import th.onecitizen.platform.error.ProblemException;

/** Purposes and notices in PostgreSQL; a notice row is immutable (a trigger refuses updates and deletes). */
public final class R2dbcPurposeCatalog implements PurposeCatalog {

    private static final String SELECT = "SELECT p.*, n.version, n.title_th, n.title_en, n.body_th, n.body_en, "
            + "n.refusal_effect_th, n.refusal_effect_en, n.hash_th, n.hash_en, n.material, n.published_at "
            + "FROM consent.purpose p JOIN consent.notice n ON n.purpose_id = p.id AND n.version = p.current_notice_version ";

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final ConsentProperties.Controller controller;
    private final DecisionVersions versions;
    private final Clock clock;

    public R2dbcPurposeCatalog(DatabaseClient db, TransactionalOperator tx, ConsentProperties.Controller controller,
            DecisionVersions versions, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.controller = controller;
        this.versions = versions;
        this.clock = clock;
    }

    @Override
    public Mono<PublishedPurpose> register(String id, PurposeDraft draft) {
        Purpose purpose = PurposeRules.validate(id, draft, 1);
        Notice notice = notice(purpose, draft, 1, false);
        return insertPurpose(purpose).then(insertNotice(notice)).as(tx::transactional)
                .thenReturn(new PublishedPurpose(purpose, notice))
                .onErrorMap(DuplicateKeyException.class,
                        e -> new ProblemException(CommonError.CONFLICT, "A purpose with this id already exists"));
    }

    /**
     * {@inheritDoc} Every instance stops trusting its cached decisions about the purpose before the revision
     * commits (the purpose's revision key is deleted first, and the revise fails if that fails), so no decision
     * made after the commit rests on the old categories, basis or notice.
     */
    @Override
    public Mono<PublishedPurpose> revise(String id, PurposeDraft draft) {
        return versions.beforePurposeChange(id)
                .onErrorMap(e -> new ProblemException(CommonError.SERVICE_UNAVAILABLE,
                        "The purpose cannot be revised right now; try again"))
                .then(reviseInTx(id, draft))
                .flatMap(revised -> versions.afterPurposeChange(id, revised.notice().version()).thenReturn(revised));
    }

    private Mono<PublishedPurpose> reviseInTx(String id, PurposeDraft draft) {
        return db.sql(SELECT + "WHERE p.id = :id FOR UPDATE OF p").bind("id", id).map(R2dbcPurposeCatalog::read)
                .one()
                .switchIfEmpty(Mono.error(() -> new ProblemException(ConsentError.PURPOSE_NOT_FOUND,
                        "No purpose with this id")))
                .flatMap(before -> {
                    int version = before.purpose().noticeVersion() + 1;
                    Purpose after = PurposeRules.validate(id, draft, version);
                    PurposeRules.checkBasisSwitch(before.purpose(), after);
                    Notice notice = notice(after, draft, version,
                            PurposeRules.isMaterial(before.purpose(), after, draft.material()));
                    return updatePurpose(after).then(insertNotice(notice))
                            .thenReturn(new PublishedPurpose(after, notice));
                })
                .as(tx::transactional);
    }

    @Override
    public Mono<PublishedPurpose> find(String id) {
        return db.sql(SELECT + "WHERE p.id = :id").bind("id", id).map(R2dbcPurposeCatalog::read).one();
    }

    @Override
    public Mono<Notice> notice(String purposeId, int version) {
        return db.sql("SELECT * FROM consent.notice WHERE purpose_id = :id AND version = :v").bind("id", purposeId)
                .bind("v", version).map(r -> readNotice(r, purposeId)).one();
    }

    @Override
    public Flux<PublishedPurpose> all() {
        return db.sql(SELECT + "ORDER BY p.id").map(R2dbcPurposeCatalog::read).all();
    }

    @Override
    public Flux<PublishedPurpose> after(String afterId, int limit) {
        return Sql.bind(db.sql(SELECT + "WHERE (CAST(:after AS text) IS NULL OR p.id > :after) ORDER BY p.id "
                + "LIMIT :limit").bind("limit", limit), "after", afterId, String.class)
                .map(R2dbcPurposeCatalog::read).all();
    }

    @Override
    public Mono<Long> count() {
        return db.sql("SELECT count(*) FROM consent.purpose").map(r -> r.get(0, Long.class)).one();
    }

    private Notice notice(Purpose p, PurposeDraft d, int version, boolean material) {
        String th = NoticeDocument.render(p, d.titleTh(), d.bodyTh(), d.refusalEffectTh(), "th", controller);
        String en = NoticeDocument.render(p, d.titleEn(), d.bodyEn(), d.refusalEffectEn(), "en", controller);
        return new Notice(p.id(), version, d.titleTh(), d.titleEn(), d.bodyTh(), d.bodyEn(), d.refusalEffectTh(),
                d.refusalEffectEn(), NoticeDocument.sha256(th), NoticeDocument.sha256(en), material,
                Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    private Mono<Void> insertPurpose(Purpose p) {
        return bindPurpose(db.sql("INSERT INTO consent.purpose (id, agency_id, operations, basis, legal_ref, approved_by, "
                + "sensitive_exception, categories, recipients, retention_days, cross_border, cross_border_country, "
                + "minor_may_consent_alone, required_by, processors, security_measures, current_notice_version) "
                + "VALUES (:id, :agency, :ops, :basis, :legalRef, :approvedBy, :s26, :categories, :recipients, "
                + ":retention, :crossBorder, :country, :minorAlone, :requiredBy, :processors, :security, :version)"),
                p).then();
    }

    private Mono<Void> updatePurpose(Purpose p) {
        return bindPurpose(db.sql("UPDATE consent.purpose SET agency_id = :agency, operations = :ops, basis = :basis, "
                + "legal_ref = :legalRef, approved_by = :approvedBy, sensitive_exception = :s26, "
                + "categories = :categories, recipients = :recipients, retention_days = :retention, "
                + "cross_border = :crossBorder, cross_border_country = :country, minor_may_consent_alone = :minorAlone, "
                + "required_by = :requiredBy, processors = :processors, security_measures = :security, "
                + "current_notice_version = :version, updated_at = now() WHERE id = :id"), p).then();
    }

    private static Mono<Long> bindPurpose(DatabaseClient.GenericExecuteSpec spec, Purpose p) {
        spec = spec.bind("id", p.id()).bind("agency", p.agencyId()).bind("ops", Sql.array(p.operations()))
                .bind("basis", p.basis().code()).bind("categories", Sql.array(p.categories()))
                .bind("recipients", Sql.array(p.recipients())).bind("retention", p.retentionDays())
                .bind("crossBorder", p.crossBorder().code()).bind("minorAlone", p.minorMayConsentAlone())
                .bind("requiredBy", p.requiredBy()).bind("processors", Sql.array(p.processors()))
                .bind("security", p.securityMeasures()).bind("version", p.noticeVersion());
        spec = Sql.bind(spec, "legalRef", p.legalRef(), String.class);
        spec = Sql.bind(spec, "approvedBy", p.approvedBy(), String.class);
        spec = Sql.bind(spec, "s26", p.sensitiveException(), String.class);
        spec = Sql.bind(spec, "country", p.crossBorderCountry(), String.class);
        return spec.fetch().rowsUpdated();
    }

    private Mono<Void> insertNotice(Notice n) {
        return db.sql("INSERT INTO consent.notice (purpose_id, version, title_th, title_en, body_th, body_en, "
                + "refusal_effect_th, refusal_effect_en, hash_th, hash_en, material, published_at) VALUES (:p, :v, "
                + ":tth, :ten, :bth, :ben, :rth, :ren, :hth, :hen, :material, :at)")
                .bind("p", n.purposeId()).bind("v", n.version()).bind("tth", n.titleTh()).bind("ten", n.titleEn())
                .bind("bth", n.bodyTh()).bind("ben", n.bodyEn()).bind("rth", n.refusalEffectTh())
                .bind("ren", n.refusalEffectEn()).bind("hth", n.hashTh()).bind("hen", n.hashEn())
                .bind("material", n.material()).bind("at", Sql.ts(n.publishedAt())).then();
    }

    static PublishedPurpose read(Readable r) {
        Purpose purpose = readPurpose(r);
        return new PublishedPurpose(purpose, readNotice(r, purpose.id()));
    }

    static Purpose readPurpose(Readable r) {
        return new Purpose(r.get("id", String.class), r.get("agency_id", String.class), Sql.list(r, "operations"),
                LawfulBasis.ofCode(r.get("basis", String.class)), r.get("legal_ref", String.class),
                r.get("approved_by", String.class), r.get("sensitive_exception", String.class),
                new java.util.HashSet<>(Sql.list(r, "categories")), Sql.list(r, "recipients"),
                r.get("retention_days", Integer.class), CrossBorder.ofCode(r.get("cross_border", String.class)),
                r.get("cross_border_country", String.class), r.get("minor_may_consent_alone", Boolean.class),
                r.get("required_by", String.class), Sql.list(r, "processors"),
                r.get("security_measures", String.class), r.get("current_notice_version", Integer.class));
    }

    static Notice readNotice(Readable r, String purposeId) {
        return new Notice(purposeId, r.get("version", Integer.class),
                r.get("title_th", String.class), r.get("title_en", String.class), r.get("body_th", String.class),
                r.get("body_en", String.class), r.get("refusal_effect_th", String.class),
                r.get("refusal_effect_en", String.class), r.get("hash_th", String.class),
                r.get("hash_en", String.class), r.get("material", Boolean.class), Sql.instant(r, "published_at"));
    }
}
