package th.onecitizen.bff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import th.onecitizen.bff.support.DemoJar;
import th.onecitizen.bff.support.ProductionSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Outside the demo the jar runs from explicit settings only and logs structured JSON with no mock providers. */
class ProductionModeIT {

    @Test
    void jarWhenStartedWithProductionSettingsThenReadyAndLogsJsonLines() throws Exception {
        try (DemoJar app = DemoJar.start(ProductionSettings.arguments())) {
            app.awaitReady(Duration.ofSeconds(120));
            List<String> lines = app.output().lines().filter(l -> l.startsWith("{")).toList();
            assertThat(lines).isNotEmpty();
            JsonMapper json = JsonMapper.builder().build();
            for (String line : lines) {
                JsonNode node = json.readTree(line);
                assertThat(node.has("@timestamp")).as(line).isTrue();
                assertThat(node.has("log")).as(line).isTrue();
            }
            assertThat(app.output()).doesNotContain("embedded PostgreSQL");
        }
    }

    @Test
    void jarWhenASettingIsMissingThenRefusesToStartNamingIt() throws Exception {
        DemoJar app = DemoJar.start("--spring.profiles.active=prod");
        int exit = app.awaitExit(Duration.ofSeconds(60));
        assertThat(exit).isNotZero();
        assertThat(app.output()).contains("OneCitizen refused to start").contains("SPRING_R2DBC_URL");
    }
}
