package th.onecitizen.bff.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import th.onecitizen.platform.persistence.ModuleSchema;
import th.onecitizen.testkit.TestInfrastructure;

/** Each module's migrations land in its own schema, with its own Flyway history, on the real PostgreSQL. */
class ModuleMigrationsIntegrationTests {

    private final ConnectionFactory db = TestInfrastructure.connectionFactory();

    private Flux<String> column(String sql) {
        return Flux.usingWhen(Mono.from(db.create()), (Connection c) -> Flux.from(c.createStatement(sql).execute())
                .flatMap(r -> r.map((row, meta) -> String.valueOf(row.get(0)))), Connection::close);
    }

    @Test
    void migrateWhenModuleSchemaDeclaredThenTablesAndHistoryLiveInThatSchemaOnly() {
        ModuleSchema probe = new ModuleSchema("probe", "platform_probe", "classpath:db/platform_probe");
        TestInfrastructure.migrate(probe);
        TestInfrastructure.migrate(probe); // idempotent

        StepVerifier.create(column("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                + "'platform_probe' ORDER BY table_name").collectList())
                .assertNext(tables -> assertThat(tables).containsExactly("flyway_schema_history", "probe"))
                .verifyComplete();
        StepVerifier.create(column("SELECT version FROM platform_probe.flyway_schema_history WHERE success "
                + "ORDER BY installed_rank").collectList())
                .assertNext(versions -> assertThat(versions).containsSubsequence(List.of("1", "2")))
                .verifyComplete();
        StepVerifier.create(column("SELECT column_name FROM information_schema.columns WHERE table_schema = "
                + "'platform_probe' AND table_name = 'probe' ORDER BY ordinal_position").collectList())
                .assertNext(cols -> assertThat(cols).containsExactly("id", "note", "created_at"))
                .expectComplete().verify(Duration.ofSeconds(10));
    }
}
