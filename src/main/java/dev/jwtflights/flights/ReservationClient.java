package dev.jwtflights.flights;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.jwtflights.login.ApiTokenInterceptor;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The pages' client of the reservation API, over HTTP with the user's access token, exactly as any other client: the
 * browser side's {@link ApiTokenInterceptor} sends the token (and renews the session once if the API refuses it).
 * It follows no redirect ({@code spring.http.clients.redirects=dont-follow}): the token goes to the configured API
 * and nowhere else, and an API that answers with a redirect counts as unavailable.
 */
@EnableConfigurationProperties(ApiProperties.class)
@Component
class ReservationClient {

    private static final ParameterizedTypeReference<List<Flight>> FLIGHTS = new ParameterizedTypeReference<>() {
    };

    private static final RestClient.ResponseSpec.ErrorHandler REDIRECT = (request, response) -> {
        throw new ApiUnavailableException(new IllegalStateException(
                "The API answered " + response.getStatusCode().value() + ", a redirect, which is not followed"));
    };

    private final RestClient restClient;

    private final ApiProperties properties;

    private final Environment environment;

    private final JsonMapper jsonMapper;

    ReservationClient(RestClient.Builder restClientBuilder, ApiTokenInterceptor apiTokens, ApiProperties properties,
            Environment environment, JsonMapper jsonMapper) {
        this.restClient = restClientBuilder.requestInterceptor(apiTokens).build();
        this.properties = properties;
        this.environment = environment;
        this.jsonMapper = jsonMapper;
    }

    /**
     * @throws ApiUnavailableException when the API cannot be reached or fails
     */
    List<Flight> flights() {
        try {
            return this.restClient.get()
                .uri(endpoint("/reservation"))
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .onStatus(HttpStatusCode::is3xxRedirection, REDIRECT)
                .body(FLIGHTS);
        }
        catch (RestClientException ex) {
            throw new ApiUnavailableException(ex);
        }
    }

    /**
     * Adds a reservation (the API allows it to an ADMIN only).
     * @throws ApiRejectedException when the API refuses the fields (400), a body far too large (413), or the user
     * (403)
     * @throws ApiUnavailableException when the API cannot be reached or fails
     */
    Flight add(ReservationForm form) {
        try {
            return this.restClient.post()
                .uri(endpoint("/reservation"))
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .body(form)
                .retrieve()
                .onStatus(HttpStatusCode::is3xxRedirection, REDIRECT)
                .onStatus(HttpStatusCode::is4xxClientError, (request, response) -> {
                    throw refusal(response.getStatusCode(), problemOf(response.getBody().readAllBytes()));
                })
                .body(Flight.class);
        }
        catch (ApiRejectedException ex) {
            throw ex;
        }
        catch (RestClientException ex) {
            throw new ApiUnavailableException(ex);
        }
    }

    /**
     * Deletes a reservation (the API allows it to an ADMIN only).
     * @throws ApiRejectedException when there is no such reservation (404), or the user may not (403)
     * @throws ApiUnavailableException when the API cannot be reached or fails
     */
    void delete(long id) {
        try {
            this.restClient.delete()
                .uri(endpoint("/reservation/" + id))
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .retrieve()
                .onStatus(HttpStatusCode::is3xxRedirection, REDIRECT)
                .onStatus(HttpStatusCode::is4xxClientError, (request, response) -> {
                    throw refusal(response.getStatusCode(), null);
                })
                .toBodilessEntity();
        }
        catch (ApiRejectedException ex) {
            throw ex;
        }
        catch (RestClientException ex) {
            throw new ApiUnavailableException(ex);
        }
    }

    private RuntimeException refusal(HttpStatusCode status, ProblemDetail problem) {
        if (status.value() == HttpStatus.BAD_REQUEST.value() || status.value() == HttpStatus.FORBIDDEN.value()
                || status.value() == HttpStatus.NOT_FOUND.value()
                || status.value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            return new ApiRejectedException(HttpStatus.valueOf(status.value()), fieldErrors(problem));
        }
        return new ApiUnavailableException(new IllegalStateException("The API answered " + status.value()));
    }

    private ProblemDetail problemOf(byte[] body) {
        try {
            return this.jsonMapper.readValue(body, ProblemDetail.class);
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    /** The {@code errors} of a problem body, as field name to message (the first message of each field). */
    private static Map<String, String> fieldErrors(ProblemDetail problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        Object list = (problem != null && problem.getProperties() != null) ? problem.getProperties().get("errors")
                : null;
        if (list instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> error && error.get("field") instanceof String field
                        && error.get("message") instanceof String message) {
                    errors.putIfAbsent(field, message);
                }
            }
        }
        return errors;
    }

    private URI endpoint(String path) {
        URI base = (this.properties.baseUrl() != null) ? this.properties.baseUrl() : thisApplication();
        return UriComponentsBuilder.fromUri(base).path(path).build().toUri();
    }

    private URI thisApplication() {
        String port = this.environment.getProperty("local.server.port",
                this.environment.getProperty("server.port", "8080"));
        String contextPath = this.environment.getProperty("server.servlet.context-path", "");
        return URI.create("http://localhost:" + port + contextPath);
    }

    /**
     * The API refused the request: 400 (with the invalid fields, if it named them), 403, 404 or 413.
     */
    static class ApiRejectedException extends RuntimeException {

        private final HttpStatus status;

        private final Map<String, String> fieldErrors;

        ApiRejectedException(HttpStatus status, Map<String, String> fieldErrors) {
            super("The reservation API refused the request: " + status.value(), null, false, false);
            this.status = status;
            this.fieldErrors = Map.copyOf(fieldErrors);
        }

        HttpStatus status() {
            return this.status;
        }

        Map<String, String> fieldErrors() {
            return this.fieldErrors;
        }

    }

    /** The API could not be reached, or failed. */
    static class ApiUnavailableException extends RuntimeException {

        ApiUnavailableException(Throwable cause) {
            super("The reservation API is unavailable", cause);
        }

    }

}
