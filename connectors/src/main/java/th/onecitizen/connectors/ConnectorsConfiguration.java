package th.onecitizen.connectors;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;
import th.onecitizen.connectors.assertion.CitizenAssertions;
import th.onecitizen.connectors.auth.AgencyCredentials;
import th.onecitizen.connectors.call.ConsentPurposes;
import th.onecitizen.connectors.call.IdempotencyStore;
import th.onecitizen.connectors.call.RedisIdempotencyStore;
import th.onecitizen.connectors.call.ServiceCalls;
import th.onecitizen.connectors.dashboard.Dashboard;
import th.onecitizen.connectors.dashboard.DashboardPins;
import th.onecitizen.connectors.dashboard.R2dbcDashboardPins;
import th.onecitizen.connectors.egress.AgencyHttp;
import th.onecitizen.connectors.egress.EgressPolicyResolverGroup;
import th.onecitizen.connectors.privacy.AgencyPrivacy;
import th.onecitizen.connectors.runtime.ConnectorRuntime;
import th.onecitizen.consent.decision.ConsentGate;
import th.onecitizen.consent.decision.DisclosureLog;
import th.onecitizen.platform.persistence.ModuleSchema;
import th.onecitizen.registry.catalogue.Catalogue;
import th.onecitizen.registry.service.ServiceStore;
import th.onecitizen.registry.validation.HostResolver;
import th.onecitizen.registry.validation.SandboxAllowList;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the connector runtime: egress policy, agency HTTP and credentials, assertions, calls, the dashboard and the
 * agencies' privacy endpoints.
 */
@Configuration(proxyBeanMethods = false)
public class ConnectorsConfiguration {

    /** The connectors' schema (dashboard pins) and its migrations. */
    public static final ModuleSchema SCHEMA = new ModuleSchema("connectors", "connectors", "classpath:db/connectors");

    @Bean
    ModuleSchema connectorsSchema() {
        return SCHEMA;
    }

    @Bean
    DashboardPins dashboardPins(DatabaseClient db) {
        return new R2dbcDashboardPins(db, Clock.systemUTC());
    }

    @Bean
    EgressPolicyResolverGroup egressPolicyResolverGroup(HostResolver dns, SandboxAllowList sandbox) {
        return new EgressPolicyResolverGroup(dns, sandbox);
    }

    @Bean
    AgencyHttp agencyHttp(WebClient.Builder builder, EgressPolicyResolverGroup resolver, ConnectorsProperties p) {
        return new AgencyHttp(builder, resolver, p.keyStores());
    }

    @Bean
    AgencyCredentials agencyCredentials(ConnectorsProperties p, AgencyHttp http) {
        return new AgencyCredentials(p.secrets(), http.shared());
    }

    @Bean
    CitizenAssertions citizenAssertions(ConnectorsProperties p) {
        ConnectorsProperties.Assertion a = p.assertion();
        return new CitizenAssertions(a.issuer(), a.signingKey(), a.pairwiseSecret(), a.lifetime(), Clock.systemUTC());
    }

    @Bean
    ConnectorRuntime connectorRuntime(AgencyHttp http, AgencyCredentials credentials, CitizenAssertions assertions,
            MeterRegistry meters) {
        return new ConnectorRuntime(http, credentials, assertions, meters, JsonMapper.builder().build());
    }

    @Bean
    IdempotencyStore idempotencyStore(ReactiveStringRedisTemplate redis, ConnectorsProperties p) {
        return new RedisIdempotencyStore(redis, JsonMapper.builder().build(), p.idempotencyTtl());
    }

    @Bean
    ServiceCalls serviceCalls(Catalogue catalogue, ObjectProvider<ConsentGate> consent,
            ObjectProvider<DisclosureLog> disclosures, ConnectorRuntime runtime, IdempotencyStore idempotency,
            ConsentPurposes purposes) {
        // Fails closed while the consent module provides no gate: no decision, no permit, no agency call.
        ConsentGate gate = request -> consent.getIfAvailable(() -> r -> reactor.core.publisher.Mono.error(
                new th.onecitizen.platform.error.ProblemException(
                        th.onecitizen.platform.error.CommonError.SERVICE_UNAVAILABLE,
                        "Consent decisions are unavailable; no agency is called"))).decide(request);
        DisclosureLog log = (permit, disclosure) -> disclosures.getObject().record(permit, disclosure);
        return new ServiceCalls(catalogue, gate, log, runtime, idempotency, purposes, Clock.systemUTC());
    }

    @Bean
    Dashboard dashboard(ServiceCalls calls) {
        return new Dashboard(calls);
    }

    @Bean
    AgencyPrivacy agencyPrivacy(ServiceStore services, ConnectorRuntime runtime,
            ObjectProvider<DisclosureLog> disclosures) {
        DisclosureLog log = (permit, disclosure) -> disclosures.getObject().record(permit, disclosure);
        return new AgencyPrivacy(services, runtime, log, JsonMapper.builder().build(), Clock.systemUTC());
    }
}
