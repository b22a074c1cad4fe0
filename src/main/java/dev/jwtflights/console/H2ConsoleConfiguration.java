package dev.jwtflights.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.h2console.autoconfigure.H2ConsoleProperties;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The console's account and guard, when the console is on ({@code spring.h2.console.enabled}). The guard runs after
 * Spring Security's filters, so it only ever sees an ADMIN's requests. The console is for the embedded H2 database
 * only: with any other database (PostgreSQL, say) it would be a console without its guard's limits, so the
 * application does not start until it is turned off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("spring.h2.console.enabled")
class H2ConsoleConfiguration {

    @Bean
    ConsoleAccount consoleAccount(JdbcTemplate jdbc, DataSourceProperties dataSource) {
        requireH2(dataSource.determineUrl());
        return new ConsoleAccount(jdbc);
    }

    @Bean
    FilterRegistrationBean<H2ConsoleGuard> h2ConsoleGuard(DataSourceProperties dataSource, ConsoleAccount account,
            H2ConsoleProperties console) {
        // The database itself, without the connection's settings: those the application's own account may set
        // (DB_CLOSE_DELAY, say) are not the console account's to set, and the database is open already.
        String url = dataSource.determineUrl();
        String database = (url.indexOf(';') >= 0) ? url.substring(0, url.indexOf(';')) : url;
        FilterRegistrationBean<H2ConsoleGuard> registration = new FilterRegistrationBean<>(
                new H2ConsoleGuard(database, account));
        registration.addUrlPatterns(console.getPath() + "/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }

    /** Stops the application, naming the setting to change, unless the datasource is an H2 database. */
    static void requireH2(String url) {
        if (DatabaseDriver.fromJdbcUrl(url) != DatabaseDriver.H2) {
            throw new IllegalStateException("The H2 console (spring.h2.console.enabled=true) works with the embedded "
                    + "H2 database only, and spring.datasource.url is not an H2 database: set "
                    + "spring.h2.console.enabled=false (environment variable SPRING_H2_CONSOLE_ENABLED=false)");
        }
    }

}
