package dev.jwtflights.oauth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class TokenErrorFormatTests {

    private final TokenErrorFormat format = new TokenErrorFormat();

    @ParameterizedTest
    @ValueSource(strings = { "/api/auth/token", "/api/auth/refresh", "/api/auth/revoke" })
    void appliesToTheTokenEndpoints(String path) {
        assertThat(this.format.appliesTo(request(path))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/reservation", "/api/auth", "/api/auth/token/x", "/api/auth/tokens", "/api/other" })
    void appliesToNothingElse(String path) {
        assertThat(this.format.appliesTo(request(path))).isFalse();
    }

    @Test
    void errorWhenClientErrorThenInvalidRequestWithStatusHeadersAndNoStore() {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));

        ResponseEntity<Object> answer = this.format.error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, headers, "Not a form");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(answer.getHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat(answer.getHeaders().getPragma()).isEqualTo("no-cache");
        assertThat(answer.getHeaders().getAccept()).containsExactly(MediaType.APPLICATION_JSON);
        assertThat(answer.getBody()).isEqualTo(new TokenError("invalid_request", "Not a form"));
    }

    @Test
    void errorWhenServerErrorThenServerErrorSayingNothingMore() {
        ResponseEntity<Object> answer = this.format.error(HttpStatus.INTERNAL_SERVER_ERROR, new HttpHeaders(),
                "An unexpected error occurred.");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody()).isEqualTo(new TokenError("server_error", null));
    }

    private static MockHttpServletRequest request(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setServletPath(path);
        return request;
    }

}
