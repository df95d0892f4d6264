package th.onecitizen.consent.config;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import th.onecitizen.consent.breach.BreachService;
import th.onecitizen.consent.collection.AgencyNames;
import th.onecitizen.consent.collection.IndirectCollectionExemptions;
import th.onecitizen.consent.collection.IndirectCollectionNotices;
import th.onecitizen.consent.decision.RightsPermits;
import th.onecitizen.consent.dsar.CorrectionOutbox;
import th.onecitizen.consent.dsar.PortabilityTransfers;
import th.onecitizen.consent.breach.Notifications;
import th.onecitizen.consent.dsar.ErasureContributor;
import th.onecitizen.consent.dsar.ExportContributor;
import th.onecitizen.consent.dsar.PrivacyRequestService;
import th.onecitizen.consent.idempotency.IdempotencyStore;
import th.onecitizen.consent.retention.RetentionJob;
import th.onecitizen.consent.ropa.Ropa;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
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
import th.onecitizen.platform.persistence.ModuleSchema;

/**
 * Wires the consent module. The bff supplies {@link SubjectFacts} (adapting identity) and the infrastructure
 * (DatabaseClient, transaction manager, Redis connection factory).
 */
@Configuration(proxyBeanMethods = false)
public class ConsentConfiguration {

    /** The consent module's schema and migrations. */
    public static final ModuleSchema SCHEMA = new ModuleSchema("consent", "consent", "classpath:db/consent");

    @Bean
    ModuleSchema consentSchema() {
        return SCHEMA;
    }

    @Bean
    ConsentModule consentModule(DatabaseClient db, ReactiveTransactionManager transactions,
            ReactiveRedisConnectionFactory redis, ObjectProvider<SubjectFacts> facts, ConsentProperties properties,
            ObjectProvider<ExportContributor> exporters, ObjectProvider<ErasureContributor> erasers,
            ObjectProvider<th.onecitizen.platform.privacy.SubjectKeys> keys) {
        // Without a source of verified birth dates, s20 cannot be applied: fail closed (age_unverified) rather than
        // treat every citizen as an adult.
        SubjectFacts source = facts.getIfAvailable(() -> subjectRef -> reactor.core.publisher.Mono.empty());
        return new ConsentModule(db, TransactionalOperator.create(transactions), redis, source, properties,
                Clock.systemUTC(), exporters.orderedStream().toList(), erasers.orderedStream().toList(),
                keys.getIfAvailable());
    }

    @Bean
    PrivacyRequestService consentPrivacyRequests(ConsentModule m) {
        return m.privacyRequests();
    }

    @Bean
    BreachService consentBreaches(ConsentModule m) {
        return m.breaches();
    }

    @Bean
    Notifications consentNotifications(ConsentModule m) {
        return m.notifications();
    }

    @Bean
    Ropa consentRopa(ConsentModule m) {
        return m.ropa();
    }

    @Bean
    RetentionJob consentRetentionJob(ConsentModule m) {
        return m.retention();
    }

    @Bean
    IdempotencyStore consentIdempotency(ConsentModule m) {
        return m.idempotency();
    }

    @Bean
    R2dbcPurposeCatalog consentPurposeCatalog(ConsentModule m) {
        return m.purposes();
    }

    @Bean
    R2dbcConsentLedger consentLedger(ConsentModule m) {
        return m.ledger();
    }

    @Bean
    ReceiptSigner consentReceiptSigner(ConsentModule m) {
        return m.signer();
    }

    @Bean(destroyMethod = "close")
    DecisionVersions consentDecisionVersions(ConsentModule m) {
        return m.versions();
    }

    @Bean
    DefaultConsentGate consentGate(ConsentModule m) {
        return m.gate();
    }

    @Bean
    th.onecitizen.consent.decision.DecisionLog consentDecisionLog(ConsentModule m) {
        return m.gate().decisionLog();
    }

    @Bean
    th.onecitizen.consent.representation.Representations consentRepresentations(ConsentModule m) {
        return m.representations();
    }

    @Bean
    th.onecitizen.consent.processor.Processors consentProcessors(ConsentModule m) {
        return m.processors();
    }

    @Bean
    ConsentService consentService(ConsentModule m) {
        return m.consents();
    }

    @Bean
    OutboxDisclosureLog consentDisclosureLog(ConsentModule m) {
        return m.disclosureLog();
    }

    @Bean
    AccessLogDrainer consentAccessLogDrainer(ConsentModule m) {
        return m.drainer();
    }

    @Bean
    AccessLog consentAccessLog(ConsentModule m) {
        return m.accessLog();
    }

    @Bean
    RightsPermits consentRightsPermits(ConsentModule m) {
        return m.rightsPermits();
    }

    @Bean
    CorrectionOutbox consentCorrectionOutbox(ConsentModule m) {
        return m.corrections();
    }

    @Bean
    PortabilityTransfers consentPortabilityTransfers(ConsentModule m) {
        return m.transfers();
    }

    @Bean
    IndirectCollectionExemptions consentIndirectCollectionExemptions(ConsentModule m) {
        return m.exemptions();
    }

    /**
     * Notices of indirect collection, checked every {@code indirect-collection-notice-interval}: each check reads
     * the last hour of the access log, so a check every second (as it was) made an idle instance's PostgreSQL scan
     * a busy hour's rows three times a second.
     */
    @Bean
    IndirectCollectionNotices consentIndirectCollectionNotices(DatabaseClient db, ObjectProvider<AgencyNames> names,
            ConsentProperties p) {
        return new IndirectCollectionNotices(db, names.getIfAvailable(AgencyNames::none),
                p.indirectCollectionNoticeInterval(), Clock.systemUTC());
    }
}
