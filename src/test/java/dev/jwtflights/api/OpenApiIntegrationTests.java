package dev.jwtflights.api;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API describes itself, publicly: every endpoint, its bodies and status codes, and the bearer scheme.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiIntegrationTests {

    @Autowired
    private MockMvcTester mvc;

    @Test
    void apiDocsWhenAnonymousThenListsEveryPathAndMethod() {
        MvcTestResult result = this.mvc.get().uri("/v3/api-docs").exchange();

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(result).bodyJson().extractingPath("$.paths").asMap()
            .containsOnlyKeys("/api/auth/token", "/api/auth/refresh", "/api/auth/revoke", "/reservation",
                    "/reservation/{id}");
        assertThat(result).bodyJson().extractingPath("$.paths['/reservation']").asMap().containsOnlyKeys("get", "post");
        assertThat(result).bodyJson().extractingPath("$.paths['/reservation/{id}']").asMap()
            .containsOnlyKeys("get", "put", "delete");
        for (String path : new String[] { "/api/auth/token", "/api/auth/refresh", "/api/auth/revoke" }) {
            assertThat(result).bodyJson().extractingPath("$.paths['" + path + "']").asMap().containsOnlyKeys("post");
        }
    }

    @Test
    void apiDocsWhenReadThenDocumentsBodiesStatusCodesAndBearerScheme() {
        MvcTestResult result = this.mvc.get().uri("/v3/api-docs").exchange();

        assertThat(result).bodyJson().extractingPath("$.components.securitySchemes.bearer")
            .asMap()
            .containsEntry("type", "http")
            .containsEntry("scheme", "bearer")
            .containsEntry("bearerFormat", "JWT");
        assertThat(result).bodyJson()
            .extractingPath("$.paths['/api/auth/token'].post.requestBody.content['application/json'].schema.$ref")
            .isEqualTo("#/components/schemas/TokenRequest");
        assertThat(result).bodyJson()
            .extractingPath(
                    "$.paths['/api/auth/token'].post.requestBody.content['application/x-www-form-urlencoded'].schema.$ref")
            .isEqualTo("#/components/schemas/TokenRequest");
        assertThat(result).bodyJson().extractingPath("$.paths['/api/auth/token'].post.responses").asMap()
            .containsOnlyKeys("200", "400", "413", "415", "429", "503");
        assertThat(result).bodyJson()
            .extractingPath("$.paths['/api/auth/token'].post.responses['429'].headers['Retry-After'].required")
            .isEqualTo(true);
        assertThat(result).bodyJson().extractingPath("$.components.securitySchemes.oauth2.flows.password.tokenUrl")
            .isEqualTo("/api/auth/token");
        assertThat(result).bodyJson().doesNotHavePath("$.paths['/api/auth/token'].post.security");
        assertThat(result).bodyJson().extractingPath("$.components.schemas.ReservationRequest.properties.name")
            .asMap()
            .containsEntry("minLength", 1)
            .doesNotContainKeys("maxLength", "pattern")
            .extractingByKey("description", as(InstanceOfAssertFactories.STRING))
            .contains("1 to 100 characters");
        assertThat(result).bodyJson().extractingPath("$.components.schemas.Problem.properties.instance.format")
            .isEqualTo("uri-reference");
        assertThat(result).bodyJson().extractingPath("$.components.schemas.TokenResponse.properties").asMap()
            .containsOnlyKeys("access_token", "token_type", "expires_in", "refresh_token");
        assertThat(result).bodyJson().extractingPath("$.components.schemas.RefreshTokenRequest.properties").asMap()
            .containsOnlyKeys("refresh_token");
        assertThat(result).bodyJson()
            .extractingPath("$.paths['/reservation'].post.requestBody.content['application/json'].schema.$ref")
            .isEqualTo("#/components/schemas/ReservationRequest");
        assertThat(result).bodyJson().extractingPath("$.paths['/reservation'].post.responses").asMap()
            .containsKeys("201", "400", "401", "403", "406", "413", "415");
        assertThat(result).bodyJson().extractingPath("$.paths['/reservation'].post.responses['201'].headers").asMap()
            .containsOnlyKeys("Location");
        assertThat(result).bodyJson().extractingPath("$.paths['/reservation'].post.responses['401'].headers").asMap()
            .containsOnlyKeys("WWW-Authenticate");
        assertThat(result).bodyJson()
            .extractingPath("$.paths['/reservation'].post.responses['400'].content['application/problem+json'].schema.$ref")
            .isEqualTo("#/components/schemas/Problem");
        assertThat(result).bodyJson().extractingPath("$.components.schemas.Problem.properties").asMap()
            .containsKeys("type", "title", "status", "detail", "instance", "errors");
        assertThat(result).bodyJson().extractingPath("$.paths['/reservation/{id}'].get.responses").asMap()
            .containsKeys("200", "401", "404");
        assertThat(result).bodyJson().extractingPath("$.paths['/reservation/{id}'].delete.responses").asMap()
            .containsKeys("204", "401", "403", "404");
        assertThat(result).bodyJson().extractingPath("$.paths['/reservation/{id}'].put.security").asList()
            .containsExactlyInAnyOrder(Map.of("bearer", List.of()), Map.of("oauth2", List.of()));
        assertThat(result).bodyJson().extractingPath("$.paths['/reservation/{id}'].get.parameters[0].example")
            .isEqualTo(1);
    }

    @Test
    void apiDocsWhenHostHeaderForgedThenServerStaysRelative() {
        MvcTestResult result = this.mvc.get()
            .uri("/v3/api-docs")
            .header(HttpHeaders.HOST, "evil.example")
            .header("X-Forwarded-Host", "evil.example")
            .header("X-Forwarded-Proto", "https")
            .header("Forwarded", "host=evil.example;proto=https")
            .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.servers[*].url").asList().containsExactly("/");
        assertThat(result).bodyText().doesNotContain("evil.example");
    }

    @Test
    void swaggerUiWhenAnonymousThenServedWithItsOwnPolicy() {
        assertThat(this.mvc.get().uri("/swagger-ui.html")).hasStatus(HttpStatus.FOUND)
            .headers()
            .hasValue(HttpHeaders.LOCATION, "/swagger-ui/index.html");

        MvcTestResult page = this.mvc.get().uri("/swagger-ui/index.html").exchange();

        assertThat(page).hasStatusOk();
        assertThat(page).headers().hasSingleValue("Content-Security-Policy", "default-src 'self'; style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
        assertThat(page).headers().doesNotContainHeader(HttpHeaders.SET_COOKIE);
    }

    @Test
    void pagesWhenServedThenKeepTheStrictPolicy() {
        MvcTestResult login = this.mvc.get().uri("/login").exchange();

        assertThat(login).headers().hasHeaderSatisfying("Content-Security-Policy",
                (values) -> assertThat(values).singleElement().asString().doesNotContain("unsafe-inline"));
    }

}
