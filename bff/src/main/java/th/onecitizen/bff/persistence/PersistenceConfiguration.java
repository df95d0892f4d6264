package th.onecitizen.bff.persistence;

import io.r2dbc.spi.ConnectionFactory;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import th.onecitizen.platform.persistence.ModuleMigrations;
import th.onecitizen.platform.persistence.ModuleSchema;

/**
 * Wires persistence: every module's schema is migrated (Flyway over JDBC, at start-up) before the R2DBC connection
 * factory is handed to anyone, and Lettuce connects eagerly so that the first Redis command on an event-loop thread
 * never waits for a connection to be made.
 */
@Configuration(proxyBeanMethods = false)
public class PersistenceConfiguration {

    @Bean
    static BeanPostProcessor moduleMigrationsBeforeFirstUse(ObjectProvider<ModuleSchema> schemas,
            Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof ConnectionFactory
                        && environment.getProperty("onecitizen.database.migrate", Boolean.class, true)) {
                    List<ModuleSchema> all = schemas.orderedStream().toList();
                    ModuleMigrations.migrate(
                            ModuleMigrations.jdbcUrlOf(environment.getRequiredProperty("spring.r2dbc.url")),
                            environment.getProperty("spring.r2dbc.username", ""),
                            environment.getProperty("spring.r2dbc.password", ""), all);
                }
                return bean;
            }
        };
    }

    @Bean
    static BeanPostProcessor eagerRedisConnection() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof LettuceConnectionFactory lettuce) {
                    lettuce.setEagerInitialization(true);
                }
                return bean;
            }
        };
    }
}
