package dev.jwtflights.flights;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the pages find the reservation API ({@code app.api.*}).
 *
 * @param baseUrl the API's base URL; unset: this same application
 */
@ConfigurationProperties("app.api")
record ApiProperties(URI baseUrl) {
}
