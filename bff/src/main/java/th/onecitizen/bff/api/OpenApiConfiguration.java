package th.onecitizen.bff.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document served at {@code /v3/api-docs}, browsable at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    OpenAPI oneCitizenOpenApi() {
        return new OpenAPI()
                .info(new Info().title("OneCitizen API")
                        .description("The citizen super-app backend: identity, services, consent (PDPA). "
                                + "Errors are RFC 9457 problem details with a stable `code`.")
                        .version("v1")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes("citizen", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT (RFC 9068 at+jwt)")
                                .description("A OneCitizen access token for a citizen"))
                        .addSecuritySchemes("agency", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("A OneCitizen access token for an agency client (client credentials)")));
    }
}
