package dev.jwtflights.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's own description, served at {@code /v3/api-docs} and shown by Swagger UI at {@code /swagger-ui.html}.
 * Which paths it covers is set by {@code springdoc.paths-to-match}, the patterns of {@link ApiPaths}.
 * <p>
 * Its one server is the relative {@code /}: the document's own origin, as Swagger UI resolves it. Left unset,
 * springdoc would write an absolute URL built from the request's {@code Host} (or forwarded) header, so a forged
 * header would point the "Try it out" calls, bearer token and all, at another host.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /** The name the operations use in their security requirement. */
    static final String BEARER = "bearer";

    @Bean
    OpenAPI jwtFlightsOpenApi() {
        SecurityScheme bearer = new SecurityScheme().type(SecurityScheme.Type.HTTP)
            .scheme("bearer")
            .bearerFormat("JWT")
            .description("An access token from POST /api/auth/token or /api/auth/refresh. It lives one minute "
                    + "by default.");
        return new OpenAPI()
            .info(new Info().title("jwt-flights API")
                .version("1")
                .description("Flight reservations behind short-lived JWT access tokens and rotating refresh "
                        + "tokens. Get tokens with POST /api/auth/token, then send 'Authorization: Bearer "
                        + "<access_token>', or let an OAuth 2.0 client do it (the password grant at the token "
                        + "endpoint). Errors are RFC 9457 problem details (application/problem+json), except on the "
                        + "token endpoints, which answer every error as an OAuth 2.0 error (RFC 6749 section 5.2)."))
            .addServersItem(new Server().url("/").description("This server"))
            .components(new Components().addSecuritySchemes(BEARER, bearer));
    }

}
