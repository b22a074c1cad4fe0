package dev.jwtflights.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ApiExceptionHandlerTests {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "application/json", "text/plain;charset=UTF-8" })
    void illegalArgumentWhenContentTypeConcreteOrAbsentThenUnexpectedErrorWithoutDetail(String contentType)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/reservation");
        if (contentType != null) {
            request.addHeader("Content-Type", contentType);
        }

        ResponseEntity<Object> response = this.handler
            .illegalArgument(new IllegalArgumentException("detail-that-must-not-leak"), new ServletWebRequest(request));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(response.getBody()).isInstanceOfSatisfying(ProblemDetail.class,
                (problem) -> assertThat(problem.getDetail()).isEqualTo("An unexpected error occurred."));
    }

    @ParameterizedTest
    @ValueSource(strings = { "*/*", "text/*", "application/*", "foo" })
    void illegalArgumentWhenContentTypeNotConcreteThenUnsupportedMediaType(String contentType) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/reservation");
        request.addHeader("Content-Type", contentType);

        ResponseEntity<Object> response = this.handler.illegalArgument(
                new IllegalArgumentException("Content-Type cannot contain wildcard type '*'"),
                new ServletWebRequest(request));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(response.getHeaders().getAccept()).extracting(Object::toString).containsExactly("application/json");
        assertThat(response.getBody()).isInstanceOfSatisfying(ProblemDetail.class,
                (problem) -> assertThat(problem.getStatus()).isEqualTo(415));
    }

}
