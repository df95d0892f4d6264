package th.onecitizen.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModuleMigrationsTests {

    @Test
    void jdbcUrlOfWhenR2dbcUrlThenJdbcUrlWithSameHostAndDatabase() {
        assertThat(ModuleMigrations.jdbcUrlOf("r2dbc:postgresql://127.0.0.1:5432/test"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
        assertThat(ModuleMigrations.jdbcUrlOf("r2dbc:pool:postgresql://db:5432/oc?sslmode=require"))
                .isEqualTo("jdbc:postgresql://db:5432/oc?sslmode=require");
    }

    @Test
    void jdbcUrlOfWhenNotPostgresThenRefusedWithoutEchoingTheUrl() {
        assertThatThrownBy(() -> ModuleMigrations.jdbcUrlOf("r2dbc:mysql://u:secret@h/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret");
    }

    @Test
    void moduleSchemaWhenNameIsNotAnIdentifierThenRefused() {
        assertThatThrownBy(() -> new ModuleSchema("x", "Bad;drop", "classpath:db/x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ModuleSchema("consent", "consent", "classpath:db/consent").schema()).isEqualTo("consent");
    }
}
