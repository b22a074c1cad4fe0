package dev.jwtflights.api;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No API request body (see {@link ApiPaths}) may be larger than {@value #MAX_BODY_BYTES} bytes: a larger one is
 * answered 413 before anything else looks at the request (authentication included), as a problem detail or in the
 * endpoint's own {@link ApiErrorFormat}. A body of unknown length
 * (chunked) is read up to the limit first, then handed on from memory.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimitFilter extends OncePerRequestFilter {

    static final int MAX_BODY_BYTES = 16 * 1024;

    static final String DETAIL = "The request body must not be larger than " + MAX_BODY_BYTES + " bytes.";

    private final JsonMapper jsonMapper;

    private final List<ApiErrorFormat> formats;

    RequestBodyLimitFilter(JsonMapper jsonMapper, List<ApiErrorFormat> formats) {
        this.jsonMapper = jsonMapper;
        this.formats = List.copyOf(formats);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiPaths.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > MAX_BODY_BYTES) {
            reject(request, response);
            return;
        }
        if (length < 0) {
            byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                reject(request, response);
                return;
            }
            chain.doFilter(new BufferedBodyRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void reject(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = HttpStatus.CONTENT_TOO_LARGE;
        ResponseEntity<Object> answer = this.formats.stream()
            .filter((format) -> format.appliesTo(request))
            .findFirst()
            .map((format) -> format.error(status, new HttpHeaders(), DETAIL))
            .orElseGet(() -> ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, DETAIL)));
        response.setStatus(answer.getStatusCode().value());
        answer.getHeaders().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
        // The unread body is not worth keeping the connection for.
        response.setHeader(HttpHeaders.CONNECTION, "close");
        this.jsonMapper.writeValue(response.getOutputStream(), answer.getBody());
    }

    /**
     * A request whose body was already read into memory. The container no longer sees that body, so the parameters
     * of a form body are read here, after those of the query string, as the container would have read them.
     */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        private Map<String, String[]> parameters;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            if (this.parameters == null) {
                Map<String, String[]> all = new LinkedHashMap<>(super.getParameterMap());
                formParameters().forEach((name, values) -> all.merge(name, values.toArray(String[]::new),
                        (query, form) -> Stream.concat(Arrays.stream(query), Arrays.stream(form))
                            .toArray(String[]::new)));
                this.parameters = Collections.unmodifiableMap(all);
            }
            return this.parameters;
        }

        @Override
        public String getParameter(String name) {
            String[] values = getParameterMap().get(name);
            return (values != null && values.length > 0) ? values[0] : null;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return getParameterMap().get(name);
        }

        private MultiValueMap<String, String> formParameters() {
            MediaType contentType;
            try {
                contentType = MediaType.parseMediaType(getContentType());
            }
            catch (IllegalArgumentException ex) {
                return new LinkedMultiValueMap<>();
            }
            if (!MediaType.APPLICATION_FORM_URLENCODED.includes(contentType)) {
                return new LinkedMultiValueMap<>();
            }
            HttpInputMessage message = new HttpInputMessage() {

                @Override
                public InputStream getBody() {
                    return new ByteArrayInputStream(BufferedBodyRequest.this.body);
                }

                @Override
                public HttpHeaders getHeaders() {
                    HttpHeaders headers = new HttpHeaders();
                    headers.setContentType(contentType);
                    return headers;
                }

            };
            try {
                return new FormHttpMessageConverter().read(null, message);
            }
            catch (IOException | RuntimeException ex) {
                return new LinkedMultiValueMap<>();
            }
        }

        @Override
        public int getContentLength() {
            return this.body.length;
        }

        @Override
        public long getContentLengthLong() {
            return this.body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(this.body);
            return new ServletInputStream() {

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] bytes, int offset, int length) {
                    return in.read(bytes, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("Not an asynchronous request");
                }

            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), charset(getCharacterEncoding())));
        }

        private static Charset charset(String encoding) {
            try {
                return (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
            }
            catch (IllegalArgumentException ex) {
                return StandardCharsets.UTF_8;
            }
        }

    }

}
