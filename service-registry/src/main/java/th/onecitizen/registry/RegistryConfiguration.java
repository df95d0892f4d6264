package th.onecitizen.registry;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import th.onecitizen.platform.persistence.ModuleSchema;
import th.onecitizen.registry.catalogue.Catalogue;
import th.onecitizen.registry.catalogue.CatalogueChanges;
import th.onecitizen.registry.catalogue.RedisCatalogueChanges;
import th.onecitizen.registry.onboarding.ServiceAdministration;
import th.onecitizen.registry.onboarding.ServiceOnboarding;
import th.onecitizen.registry.service.R2dbcServiceStore;
import th.onecitizen.registry.service.ServiceStore;
import th.onecitizen.registry.validation.HostResolver;
import th.onecitizen.registry.validation.PurposePolicy;
import th.onecitizen.registry.validation.SandboxAllowList;
import th.onecitizen.registry.validation.ServiceValidator;
import th.onecitizen.registry.validation.SystemHostResolver;
import th.onecitizen.registry.validation.TargetPolicy;
import tools.jackson.databind.json.JsonMapper;

/** Wires the registry: its schema, its store, validation, onboarding, administration and the catalogue. */
@Configuration(proxyBeanMethods = false)
public class RegistryConfiguration {

    /** The registry's schema and migrations. */
    public static final ModuleSchema SCHEMA = new ModuleSchema("service-registry", "registry", "classpath:db/registry");

    @Bean
    ModuleSchema registrySchema() {
        return SCHEMA;
    }

    @Bean
    ServiceStore serviceStore(DatabaseClient db, ReactiveTransactionManager tm) {
        // the registry's own mapper: its stored documents must not depend on the web layer's JSON settings
        return new R2dbcServiceStore(db, TransactionalOperator.create(tm), JsonMapper.builder().build());
    }

    @Bean
    CatalogueChanges catalogueChanges(ReactiveStringRedisTemplate redis) {
        return new RedisCatalogueChanges(redis);
    }

    @Bean
    SandboxAllowList sandboxAllowList(RegistryProperties props) {
        return new SandboxAllowList(props.sandboxOrigins());
    }

    @Bean
    HostResolver hostResolver(RegistryProperties props) {
        return new SystemHostResolver(props.dnsTimeout());
    }

    @Bean
    TargetPolicy targetPolicy(HostResolver resolver, SandboxAllowList sandbox) {
        return new TargetPolicy(resolver, sandbox);
    }

    @Bean
    PurposePolicy purposePolicy(RegistryProperties props) {
        return new PurposePolicy(props.purposes(), props.sensitiveCategories());
    }

    @Bean
    ServiceValidator serviceValidator(TargetPolicy targets, PurposePolicy purposes) {
        return new ServiceValidator(targets, purposes);
    }

    @Bean
    ServiceOnboarding serviceOnboarding(ServiceStore store, ServiceValidator validator, CatalogueChanges changes) {
        return new ServiceOnboarding(store, validator, changes);
    }

    @Bean
    ServiceAdministration serviceAdministration(ServiceStore store, CatalogueChanges changes) {
        return new ServiceAdministration(store, changes);
    }

    @Bean
    Catalogue catalogue(ServiceStore store, CatalogueChanges changes) {
        return new Catalogue(store, changes, Clock.systemUTC());
    }
}
