package dev.jwtflights.api;

import java.io.IOException;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which paths are the API's, decided on the decoded path as the servlet container routes it.
 */
class ApiPathsTests {

    @ParameterizedTest
    @ValueSource(strings = { "/api", "/api/", "/api/auth/token", "/api/anything/below", "/reservation", "/reservation/",
            "/reservation/7" })
    void matchesTheApiPaths(String path) {
        assertThat(ApiPaths.matches(request(path, null))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/", "/apis", "/api-docs", "/reservations", "/reservationx", "/flights", "/login",
            "/v3/api-docs", "/h2-console/" })
    void doesNotMatchOtherPaths(String path) {
        assertThat(ApiPaths.matches(request(path, null))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/7", "/" })
    void readsTheServletPathAndThePathInfoTogether(String pathInfo) {
        assertThat(ApiPaths.matches(request("/reservation", pathInfo))).isTrue();
        assertThat(ApiPaths.matches(request("/flights", pathInfo))).isFalse();
    }

    @Test
    void theApiDescriptionCoversExactlyTheApiPaths() throws IOException {
        Properties settings = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));

        assertThat(settings.getProperty("springdoc.paths-to-match").split(",")).containsExactly(ApiPaths.PATTERNS);
    }

    private static MockHttpServletRequest request(String servletPath, String pathInfo) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", servletPath);
        request.setServletPath(servletPath);
        request.setPathInfo(pathInfo);
        return request;
    }

}
