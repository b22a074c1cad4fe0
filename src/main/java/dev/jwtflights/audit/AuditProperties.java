package dev.jwtflights.audit;

import java.time.Duration;

import dev.jwtflights.system.Settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the audit trail ({@code app.audit.*}).
 *
 * @param retention how long an event is kept; older ones are deleted by the hourly purge
 */
@ConfigurationProperties("app.audit")
record AuditProperties(@DefaultValue("90d") Duration retention) {

    AuditProperties {
        Settings.requirePositive(retention, "app.audit.retention");
    }

}
