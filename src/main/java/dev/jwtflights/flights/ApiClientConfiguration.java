package dev.jwtflights.flights;

import org.apache.hc.core5.util.TimeValue;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the pages reach the API: Apache HttpClient's pool of keep-alive connections, shared by every page request, so
 * that a page load sends its API call on a connection already open instead of opening one (and, with the JDK's
 * client, first offering an HTTP/2 upgrade that Tomcat declines). The {@code spring.http.clients.*} settings
 * (timeouts, no redirects) still apply: Spring Boot builds the client's factory with them.
 * <p>
 * Up to {@value #MAX_CONNECTIONS} connections to the API at once, as many page requests as call it at the same
 * moment; a connection idle for more than a second is checked before it is used again, so that one the API has
 * closed meanwhile is not sent a request.
 */
@Configuration(proxyBeanMethods = false)
class ApiClientConfiguration {

    static final int MAX_CONNECTIONS = 64;

    @Bean
    ClientHttpRequestFactoryBuilder<?> clientHttpRequestFactoryBuilder() {
        return ClientHttpRequestFactoryBuilder.httpComponents()
            .withConnectionManagerCustomizer(
                    (pool) -> pool.setMaxConnPerRoute(MAX_CONNECTIONS).setMaxConnTotal(MAX_CONNECTIONS))
            .withConnectionConfigCustomizer(
                    (connections) -> connections.setValidateAfterInactivity(TimeValue.ofSeconds(1)));
    }

}
