package dev.jwtflights.api;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ApiExceptionHandlerTests {

    /** Speaks for {@code /special} only: its errors are plain text naming the status and the description. */
    private static final ApiErrorFormat SPECIAL = new ApiErrorFormat() {

        @Override
        public boolean appliesTo(HttpServletRequest request) {
            return "/special".equals(request.getServletPath());
        }

        @Override
        public ResponseEntity<Object> error(HttpStatusCode status, HttpHeaders headers, String description) {
            return ResponseEntity.status(status).headers(headers).body(status.value() + " " + description);
        }

    };

    private final ApiExceptionHandler handler = new ApiExceptionHandler(List.of(SPECIAL));

    @Test
    void unexpectedWhenAnyExceptionThenProblemWithoutItsMessage() {
        ResponseEntity<Object> response = this.handler.unexpected(new IllegalStateException("detail-that-must-not-leak"),
                request("/reservation"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(response.getBody()).isInstanceOfSatisfying(ProblemDetail.class,
                (problem) -> assertThat(problem.getDetail()).isEqualTo("An unexpected error occurred."));
    }

    @Test
    void handleExceptionWhenFormatAppliesThenItWritesTheErrorWithStatusHeadersAndDetail() throws Exception {
        ResponseEntity<Object> response = this.handler
            .handleException(new HttpRequestMethodNotSupportedException("GET", List.of("POST")), request("/special"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(response.getHeaders().getAllow()).extracting(Object::toString).containsExactly("POST");
        assertThat(response.getBody()).isEqualTo("405 Method 'GET' is not supported.");
    }

    @Test
    void unexpectedWhenFormatAppliesThenItWritesTheErrorWithoutTheMessage() {
        ResponseEntity<Object> response = this.handler.unexpected(new IllegalStateException("detail-that-must-not-leak"),
                request("/special"));

        assertThat(response.getBody()).isEqualTo("500 An unexpected error occurred.");
    }

    @Test
    void handleExceptionWhenNoFormatAppliesThenProblemDetail() throws Exception {
        ResponseEntity<Object> response = this.handler
            .handleException(new HttpRequestMethodNotSupportedException("GET", List.of("POST")), request("/reservation"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(response.getBody()).isInstanceOf(ProblemDetail.class);
    }

    private static ServletWebRequest request(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setServletPath(path);
        return new ServletWebRequest(request);
    }

}
