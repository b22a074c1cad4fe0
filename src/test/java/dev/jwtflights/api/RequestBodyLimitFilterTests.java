package dev.jwtflights.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RequestBodyLimitFilterTests {

    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(JsonMapper.builder().build());

    @Test
    void filterWhenDeclaredLengthOverLimitThenContentTooLarge() throws ServletException, IOException {
        MockHttpServletRequest request = request("/reservation", RequestBodyLimitFilter.MAX_BODY_BYTES + 1, false);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        this.filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE.value());
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.getContentAsString()).contains("\"status\":413");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void filterWhenUnknownLengthOverLimitThenContentTooLarge() throws ServletException, IOException {
        MockHttpServletRequest request = request("/api/auth/token", RequestBodyLimitFilter.MAX_BODY_BYTES + 1, true);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        this.filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE.value());
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void filterWhenDeclaredLengthExactlyTheLimitThenHandedOnUntouched() throws ServletException, IOException {
        MockHttpServletRequest request = request("/reservation", RequestBodyLimitFilter.MAX_BODY_BYTES, false);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        this.filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(chain.getRequest()).isSameAs(request);
    }

    @Test
    void filterWhenUnknownLengthWithinLimitThenBodyHandedOn() throws ServletException, IOException {
        MockHttpServletRequest request = request("/reservation/7", RequestBodyLimitFilter.MAX_BODY_BYTES, true);
        MockFilterChain chain = new MockFilterChain();

        this.filter.doFilter(request, new MockHttpServletResponse(), chain);

        HttpServletRequest handedOn = (HttpServletRequest) chain.getRequest();
        assertThat(handedOn.getInputStream().readAllBytes()).hasSize(RequestBodyLimitFilter.MAX_BODY_BYTES);
        assertThat(handedOn.getContentLengthLong()).isEqualTo(RequestBodyLimitFilter.MAX_BODY_BYTES);
    }

    @Test
    void filterWhenPathPercentEncodedThenDecidedByDecodedPath() throws ServletException, IOException {
        MockHttpServletRequest request = request("/reservation", RequestBodyLimitFilter.MAX_BODY_BYTES + 1, false);
        request.setRequestURI("/%72eservation");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        this.filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE.value());
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void filterWhenPagePathThenNotLimited() throws ServletException, IOException {
        MockHttpServletRequest request = request("/flights", RequestBodyLimitFilter.MAX_BODY_BYTES + 1, false);
        MockFilterChain chain = new MockFilterChain();

        this.filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }

    private static MockHttpServletRequest request(String path, int bodyLength, boolean unknownLength) {
        MockHttpServletRequest request = unknownLength ? new UnknownLengthRequest() : new MockHttpServletRequest();
        request.setMethod("POST");
        request.setRequestURI(path);
        // What the servlet container decoded and normalised, for the servlet mapped to "/".
        request.setServletPath(path);
        request.setContentType(MediaType.APPLICATION_JSON_VALUE);
        request.setContent("x".repeat(bodyLength).getBytes(StandardCharsets.US_ASCII));
        return request;
    }

    /** A request sent with chunked transfer encoding: no Content-Length. */
    private static final class UnknownLengthRequest extends MockHttpServletRequest {

        @Override
        public int getContentLength() {
            return -1;
        }

        @Override
        public long getContentLengthLong() {
            return -1;
        }

    }

}
