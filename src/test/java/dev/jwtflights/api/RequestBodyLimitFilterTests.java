package dev.jwtflights.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RequestBodyLimitFilterTests {

    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(JsonMapper.builder().build(), List.of());

    @Test
    void filterWhenDeclaredLengthOverLimitThenContentTooLarge() throws ServletException, IOException {
        MockHttpServletRequest request = request("/reservation", RequestBodyLimitFilter.MAX_BODY_BYTES + 1, false);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        this.filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE.value());
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.getContentAsString()).contains("\"status\":413");
        assertThat(response.getHeader("Connection")).isEqualTo("close");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void filterWhenAnErrorFormatAppliesThenItWritesTheAnswer() throws ServletException, IOException {
        ApiErrorFormat plain = new ApiErrorFormat() {

            @Override
            public boolean appliesTo(HttpServletRequest request) {
                return request.getRequestURI().startsWith("/api/auth/");
            }

            @Override
            public ResponseEntity<Object> error(HttpStatusCode status, HttpHeaders headers, String description) {
                return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("X-Format", "plain")
                    .body(Map.of("said", description));
            }

        };
        RequestBodyLimitFilter filter = new RequestBodyLimitFilter(JsonMapper.builder().build(), List.of(plain));
        MockHttpServletResponse onToken = new MockHttpServletResponse();
        MockHttpServletResponse onReservation = new MockHttpServletResponse();

        filter.doFilter(request("/api/auth/token", RequestBodyLimitFilter.MAX_BODY_BYTES + 1, false), onToken,
                new MockFilterChain());
        filter.doFilter(request("/reservation", RequestBodyLimitFilter.MAX_BODY_BYTES + 1, false), onReservation,
                new MockFilterChain());

        assertThat(onToken.getStatus()).isEqualTo(413);
        assertThat(onToken.getContentType()).isEqualTo(MediaType.APPLICATION_JSON_VALUE);
        assertThat(onToken.getHeader("X-Format")).isEqualTo("plain");
        assertThat(onToken.getHeader("Connection")).isEqualTo("close");
        assertThat(onToken.getContentAsString()).isEqualTo("{\"said\":\"" + RequestBodyLimitFilter.DETAIL + "\"}");
        assertThat(onReservation.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }

    @Test
    void filterWhenUnknownLengthFormThenItsParametersFollowThoseOfTheQuery() throws ServletException, IOException {
        MockHttpServletRequest request = request("/api/auth/token", 0, true);
        request.setContentType(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
        request.setContent("b=2&a=3&c=%C3%A9".getBytes(StandardCharsets.US_ASCII));
        request.setQueryString("a=1");
        request.addParameter("a", "1");
        MockFilterChain chain = new MockFilterChain();

        this.filter.doFilter(request, new MockHttpServletResponse(), chain);

        HttpServletRequest handedOn = (HttpServletRequest) chain.getRequest();
        assertThat(handedOn.getParameterValues("a")).containsExactly("1", "3");
        assertThat(handedOn.getParameter("b")).isEqualTo("2");
        assertThat(handedOn.getParameter("c")).isEqualTo("\u00e9");
        assertThat(java.util.Collections.list(handedOn.getParameterNames())).containsExactly("a", "b", "c");
        assertThat(handedOn.getParameterMap()).containsOnlyKeys("a", "b", "c");
    }

    @Test
    void filterWhenUnknownLengthJsonThenOnlyTheQueryParameters() throws ServletException, IOException {
        MockHttpServletRequest request = request("/api/auth/token", 0, true);
        request.setContent("{\"a\":\"3\"}".getBytes(StandardCharsets.US_ASCII));
        request.addParameter("a", "1");
        MockFilterChain chain = new MockFilterChain();

        this.filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(((HttpServletRequest) chain.getRequest()).getParameterValues("a")).containsExactly("1");
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
    void filterWhenDeclaredLengthZeroThenHandedOnUntouched() throws ServletException, IOException {
        MockHttpServletRequest request = request("/reservation", 0, false);
        MockFilterChain chain = new MockFilterChain();

        this.filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }

    @Test
    void filterWhenUnknownLengthThenTheHandedOnBodyReadsAsTheOriginalByteByByteAndAsText()
            throws ServletException, IOException {
        MockHttpServletRequest request = request("/reservation", 0, true);
        request.setContent("{\"name\":\"Zoë\"}".getBytes(StandardCharsets.UTF_8));
        MockFilterChain chain = new MockFilterChain();

        this.filter.doFilter(request, new MockHttpServletResponse(), chain);

        HttpServletRequest handedOn = (HttpServletRequest) chain.getRequest();
        assertThat(handedOn).isNotSameAs(request);
        assertThat(handedOn.getContentLength()).isEqualTo(15);
        ServletInputStream in = handedOn.getInputStream();
        assertThat(in.isReady()).isTrue();
        assertThat(in.isFinished()).isFalse();
        assertThat(in.read()).isEqualTo('{');
        assertThat(in.readAllBytes()).hasSize(14);
        assertThat(in.isFinished()).isTrue();
        assertThat(handedOn.getReader().readLine()).isEqualTo("{\"name\":\"Zoë\"}");
    }

    @Test
    void filterWhenUnknownLengthThenTheHandedOnReaderUsesTheDeclaredCharsetOrElseUtf8()
            throws ServletException, IOException {
        for (String[] charsetAndText : new String[][] { { "ISO-8859-1", "Zoë" }, { "no-such-charset", "Zoë" },
                { null, "Zoë" } }) {
            MockHttpServletRequest request = request("/reservation", 0, true);
            String charset = charsetAndText[0];
            request.setCharacterEncoding(charset);
            byte[] body = charsetAndText[1].getBytes("ISO-8859-1".equals(charset) ? StandardCharsets.ISO_8859_1
                    : StandardCharsets.UTF_8);
            request.setContent(body);
            MockFilterChain chain = new MockFilterChain();

            this.filter.doFilter(request, new MockHttpServletResponse(), chain);

            assertThat(((HttpServletRequest) chain.getRequest()).getReader().readLine()).as(String.valueOf(charset))
                .isEqualTo(charsetAndText[1]);
        }
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
