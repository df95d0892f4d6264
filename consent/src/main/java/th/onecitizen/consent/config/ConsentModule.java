package th.onecitizen.consent.config;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import th.onecitizen.consent.breach.BreachService;
import th.onecitizen.consent.breach.Notifications;
import th.onecitizen.consent.collection.IndirectCollectionExemptions;
import th.onecitizen.consent.collection.IndirectCollectionExport;
import th.onecitizen.consent.decision.RightsPermits;
import th.onecitizen.consent.dsar.ConsentRecordsErasure;
import th.onecitizen.consent.dsar.CorrectionOutbox;
import th.onecitizen.consent.dsar.PortabilityTransfers;
import th.onecitizen.consent.dsar.ConsentRecordsExport;
import th.onecitizen.consent.dsar.ErasureContributor;
import th.onecitizen.consent.dsar.ExportContributor;
import th.onecitizen.consent.dsar.PrivacyRequestService;
import th.onecitizen.consent.dsar.SealedText;
import th.onecitizen.consent.dsar.StoredResponsesErasure;
import th.onecitizen.platform.privacy.SubjectKeys;
import th.onecitizen.consent.idempotency.IdempotencyStore;
import th.onecitizen.consent.retention.RetentionJob;
import th.onecitizen.consent.ropa.Ropa;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import th.onecitizen.consent.accesslog.AccessLog;
import th.onecitizen.consent.accesslog.AccessLogDrainer;
import th.onecitizen.consent.accesslog.OutboxDisclosureLog;
import th.onecitizen.consent.decision.DecisionVersions;
import th.onecitizen.consent.decision.DefaultConsentGate;
import th.onecitizen.consent.grant.ConsentService;
import th.onecitizen.consent.grant.SubjectFacts;
import th.onecitizen.consent.ledger.R2dbcConsentLedger;
import th.onecitizen.consent.purpose.R2dbcPurposeCatalog;
import th.onecitizen.consent.receipt.ReceiptSigner;
import th.onecitizen.consent.representation.Representations;
import th.onecitizen.consent.processor.Processors;

/**
 * The consent module's parts, built once from its infrastructure and settings. Spring exposes each part as a bean;
 * module tests build it directly on the real PostgreSQL and Redis.
 */
public final class ConsentModule {

    private final R2dbcPurposeCatalog purposes;
    private final R2dbcConsentLedger ledger;
    private final ReceiptSigner signer;
    private final DecisionVersions versions;
    private final DefaultConsentGate gate;
    private final ConsentService consents;
    private final OutboxDisclosureLog disclosureLog;
    private final AccessLogDrainer drainer;
    private final AccessLog accessLog;
    private final PrivacyRequestService privacyRequests;
    private final BreachService breaches;
    private final Notifications notifications;
    private final Ropa ropa;
    private final RetentionJob retention;
    private final IdempotencyStore idempotency;
    private final RightsPermits rightsPermits;
    private final CorrectionOutbox corrections;
    private final PortabilityTransfers transfers;
    private final IndirectCollectionExemptions exemptions;

    /** How often a correction is tried before it is recorded as undeliverable (backoff up to the outbox's). */
    public static final int CORRECTION_ATTEMPTS = 8;
    private final Representations representations;
    private final Processors processors;

    public ConsentModule(DatabaseClient db, TransactionalOperator tx, ReactiveRedisConnectionFactory redis,
            SubjectFacts facts, ConsentProperties p, Clock clock, List<ExportContributor> exporters,
            List<ErasureContributor> erasers) {
        this(db, tx, redis, facts, p, clock, exporters, erasers, null);
    }

    /**
     * @param keys the subjects' data keys that seal privacy-request free text (crypto-shredding), or null to store
     *             it plain (module tests and benchmarks without identity)
     */
    public ConsentModule(DatabaseClient db, TransactionalOperator tx, ReactiveRedisConnectionFactory redis,
            SubjectFacts facts, ConsentProperties p, Clock clock, List<ExportContributor> exporters,
            List<ErasureContributor> erasers, SubjectKeys keys) {
        SealedText details = new SealedText(keys, "consent.privacy_request.details");
        this.versions = new DecisionVersions(redis, p.decisionCache().invalidationChannel(),
                p.decisionCache().ttl().plus(Duration.ofHours(1)));
        this.purposes = new R2dbcPurposeCatalog(db, tx, p.controller(), versions, clock);
        this.ledger = new R2dbcConsentLedger(db);
        this.signer = new ReceiptSigner(p.receiptSigningKey());
        this.gate = new DefaultConsentGate(db, facts, versions, p.decisionCache().enabled(), p.decisionCache().ttl(),
                p.decisionCache().maxEntries(), p.permitTtl(), clock);
        this.representations = new Representations(db, tx, versions, clock);
        this.consents = new ConsentService(db, tx, purposes, ledger, signer, facts, versions, p, clock,
                representations);
        this.disclosureLog = new OutboxDisclosureLog(db);
        this.drainer = new AccessLogDrainer(db, p.outbox().drainInterval(), p.outbox().batchSize(),
                p.outbox().maxBackoff());
        this.accessLog = new AccessLog(db);
        List<ExportContributor> allExporters = new ArrayList<>(List.of(new ConsentRecordsExport(db),
                new IndirectCollectionExport(db)));
        allExporters.addAll(exporters);
        this.idempotency = new IdempotencyStore(redis, p.idempotencyTtl());
        List<ErasureContributor> allErasers = new ArrayList<>(List.of(new ConsentRecordsErasure(db),
                new StoredResponsesErasure(idempotency)));
        allErasers.addAll(erasers);
        this.privacyRequests = new PrivacyRequestService(db, tx, versions, consents, allExporters, allErasers, clock,
                details);
        this.breaches = new BreachService(db, tx, p, clock);
        this.notifications = new Notifications(db);
        this.processors = new Processors(db, clock);
        this.ropa = new Ropa(purposes, db, p.controller(), processors);
        this.retention = new RetentionJob(db, redis, p.retention(), clock);
        this.rightsPermits = new RightsPermits(db, p.permitTtl(), clock);
        this.corrections = new CorrectionOutbox(db, tx, CORRECTION_ATTEMPTS, p.outbox().maxBackoff(), details);
        this.transfers = new PortabilityTransfers(db, tx, clock);
        this.exemptions = new IndirectCollectionExemptions(db, clock);
    }

    public RightsPermits rightsPermits() {
        return rightsPermits;
    }

    public CorrectionOutbox corrections() {
        return corrections;
    }

    public PortabilityTransfers transfers() {
        return transfers;
    }

    public IndirectCollectionExemptions exemptions() {
        return exemptions;
    }

    public PrivacyRequestService privacyRequests() {
        return privacyRequests;
    }

    public BreachService breaches() {
        return breaches;
    }

    public Notifications notifications() {
        return notifications;
    }

    public Ropa ropa() {
        return ropa;
    }

    public RetentionJob retention() {
        return retention;
    }

    public IdempotencyStore idempotency() {
        return idempotency;
    }

    public R2dbcPurposeCatalog purposes() {
        return purposes;
    }

    public R2dbcConsentLedger ledger() {
        return ledger;
    }

    public ReceiptSigner signer() {
        return signer;
    }

    public DecisionVersions versions() {
        return versions;
    }

    public DefaultConsentGate gate() {
        return gate;
    }

    public ConsentService consents() {
        return consents;
    }

    public OutboxDisclosureLog disclosureLog() {
        return disclosureLog;
    }

    public AccessLogDrainer drainer() {
        return drainer;
    }

    public AccessLog accessLog() {
        return accessLog;
    }

    public Representations representations() {
        return representations;
    }

    public Processors processors() {
        return processors;
    }
}
