package dev.jwtflights.throttle;

import java.time.Duration;

import dev.jwtflights.system.Settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the login throttle ({@code app.throttle.*}).
 *
 * @param failuresPerUsername how many failed password checks one username may have per window, known or not
 * @param failuresPerIp how many failed password checks one client address (an IPv6 client: its /64 network) may have
 * per window, whatever the usernames
 * @param window the time in which each limit refills completely, a little at a time
 * @param maxTracked at most how many usernames, and how many addresses, this instance remembers failures of
 */
@ConfigurationProperties("app.throttle")
record ThrottleProperties(
        @DefaultValue("5") int failuresPerUsername,
        @DefaultValue("30") int failuresPerIp,
        @DefaultValue("1m") Duration window,
        @DefaultValue("10000") int maxTracked) {

    ThrottleProperties {
        Settings.requirePositive(failuresPerUsername, "app.throttle.failures-per-username");
        Settings.requirePositive(failuresPerIp, "app.throttle.failures-per-ip");
        Settings.requirePositive(window, "app.throttle.window");
        Settings.requirePositive(maxTracked, "app.throttle.max-tracked");
    }

}
