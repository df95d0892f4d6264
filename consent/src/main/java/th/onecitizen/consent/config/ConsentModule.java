package th.onecitizen.consent.config;

import java.time.Clock;
import java.time.Duration;
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

    public ConsentModule(DatabaseClient db, TransactionalOperator tx, ReactiveRedisConnectionFactory redis,
            SubjectFacts facts, ConsentProperties p, Clock clock) {
        this.purposes = new R2dbcPurposeCatalog(db, tx, p.controller(), clock);
        this.ledger = new R2dbcConsentLedger(db);
        this.signer = new ReceiptSigner(p.receiptSigningKey());
        this.versions = new DecisionVersions(redis, p.decisionCache().invalidationChannel(),
                p.decisionCache().ttl().plus(Duration.ofHours(1)));
        this.gate = new DefaultConsentGate(db, facts, versions, p.decisionCache().enabled(), p.decisionCache().ttl(),
                p.decisionCache().maxEntries(), p.permitTtl(), clock);
        this.consents = new ConsentService(db, tx, purposes, ledger, signer, facts, versions, p, clock);
        this.disclosureLog = new OutboxDisclosureLog(db);
        this.drainer = new AccessLogDrainer(db, p.outbox().drainInterval(), p.outbox().batchSize(),
                p.outbox().maxBackoff());
        this.accessLog = new AccessLog(db);
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
}
