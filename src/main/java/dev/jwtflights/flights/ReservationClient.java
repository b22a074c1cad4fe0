package dev.jwtflights.flights;

import java.net.URI;
import java.util.List;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The pages' client of the reservation API, over HTTP with the user's access token, exactly as any other client.
 */
@Component
class ReservationClient {

    private static final ParameterizedTypeReference<List<Flight>> FLIGHTS = new ParameterizedTypeReference<>() {
    };

    private final RestClient restClient;

    private final ApiProperties properties;

    private final Environment environment;

    ReservationClient(RestClient.Builder restClientBuilder, ApiProperties properties, Environment environment) {
        this.restClient = restClientBuilder.build();
        this.properties = properties;
        this.environment = environment;
    }

    /**
     * @throws ApiUnauthorizedException when the API refuses the token
     * @throws ApiUnavailableException when the API cannot be reached or fails
     */
    List<Flight> flights(String accessToken) {
        try {
            return this.restClient.get()
                .uri(endpoint("/reservation"))
                .accept(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .retrieve()
                .onStatus((status) -> status.value() == HttpStatus.UNAUTHORIZED.value(), (request, response) -> {
                    throw new ApiUnauthorizedException();
                })
                .body(FLIGHTS);
        }
        catch (ApiUnauthorizedException ex) {
            throw ex;
        }
        catch (RestClientException ex) {
            throw new ApiUnavailableException(ex);
        }
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

    /** The API answered 401. */
    static class ApiUnauthorizedException extends RuntimeException {

        ApiUnauthorizedException() {
            super("The reservation API refused the access token", null, false, false);
        }

    }

    /** The API could not be reached, or failed. */
    static class ApiUnavailableException extends RuntimeException {

        ApiUnavailableException(Throwable cause) {
            super("The reservation API is unavailable", cause);
        }

    }

}
