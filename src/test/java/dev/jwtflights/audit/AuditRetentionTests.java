package dev.jwtflights.audit;

import java.time.Duration;
import java.time.Instant;

import dev.jwtflights.system.Client;
import dev.jwtflights.test.MutableClock;
import dev.jwtflights.test.TestClockConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail's purge, against the real schema.
 */
@DataJpaTest(properties = "app.audit.retention=90d")
@Import({ AuditRetention.class, TestClockConfiguration.class })
@ExtendWith(OutputCaptureExtension.class)
class AuditRetentionTests {

    @Autowired
    private AuditRetention retention;

    @Autowired
    private AuthEventRepository events;

    @Autowired
    private MutableClock clock;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void purgeDeletesExactlyTheEventsOlderThanTheRetentionAndSaysSo(CapturedOutput output) {
        Instant cutoff = this.clock.instant().minus(Duration.ofDays(90));
        save(cutoff.minusSeconds(1), "too-old");
        save(cutoff, "just-kept");
        save(this.clock.instant(), "recent");

        int deleted = this.retention.purge();

        assertThat(deleted).isOne();
        assertThat(this.jdbc.queryForList("SELECT username FROM auth_event ORDER BY occurred_at", String.class))
            .containsExactly("just-kept", "recent");
        assertThat(output).contains("Purged 1 audit events from before " + cutoff);
        assertThat(this.retention.purge()).isZero();
    }

    private void save(Instant at, String username) {
        this.events.save(new AuthEvent(at, AuthEventType.LOGIN_SUCCEEDED, username, null, null, Client.UNKNOWN, null));
    }

}
