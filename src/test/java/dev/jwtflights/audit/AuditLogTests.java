package dev.jwtflights.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.jwtflights.system.Client;
import dev.jwtflights.test.MutableClock;
import dev.jwtflights.test.TestClockConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading the audit trail a page at a time, against the real schema.
 */
@DataJpaTest
@Import({ AuditLog.class, TestClockConfiguration.class })
class AuditLogTests {

    private static final Client CLIENT = new Client("203.0.113.9", "curl/8.5.0");

    @Autowired
    private AuditLog auditLog;

    @Autowired
    private AuthEventRepository events;

    @Autowired
    private MutableClock clock;

    @Test
    void findGivesTheNewestFirstAPageAtATime() {
        Instant start = this.clock.instant();
        for (int i = 0; i < 5; i++) {
            save(start.plusSeconds(i), AuthEventType.REFRESHED, "secret");
        }

        Page<AuditEntry> first = this.auditLog.find(null, null, 0, 2);
        Page<AuditEntry> last = this.auditLog.find(null, null, 2, 2);

        assertThat(first.getTotalElements()).isEqualTo(5);
        assertThat(first.getContent()).extracting(AuditEntry::occurredAt)
            .containsExactly(start.plusSeconds(4).truncatedTo(ChronoUnit.SECONDS),
                    start.plusSeconds(3).truncatedTo(ChronoUnit.SECONDS));
        assertThat(last.getContent()).singleElement()
            .extracting(AuditEntry::occurredAt)
            .isEqualTo(start.truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void findFiltersByUsernameAndTypeAlikeOrTogether() {
        Instant now = this.clock.instant();
        save(now, AuthEventType.LOGIN_SUCCEEDED, "secret");
        save(now.plusSeconds(1), AuthEventType.LOGIN_FAILED, "secret");
        save(now.plusSeconds(2), AuthEventType.LOGIN_FAILED, "admin");

        assertThat(types(this.auditLog.find("secret", null, 0, 10))).containsExactly(AuthEventType.LOGIN_FAILED,
                AuthEventType.LOGIN_SUCCEEDED);
        assertThat(usernames(this.auditLog.find(null, AuthEventType.LOGIN_FAILED, 0, 10))).containsExactly("admin",
                "secret");
        assertThat(this.auditLog.find("admin", AuthEventType.LOGIN_FAILED, 0, 10).getTotalElements()).isOne();
        assertThat(this.auditLog.find("nobody", null, 0, 10).getContent()).isEmpty();
    }

    @Test
    void findGivesEveryColumnBack() {
        this.events.save(new AuthEvent(this.clock.instant(), AuthEventType.SESSIONS_ENDED_BY_ADMIN, "secret", "admin",
                "9b2f4c1e-0000-4000-8000-000000000000", CLIENT, "2 sessions"));

        AuditEntry entry = this.auditLog.find(null, null, 0, 1).getContent().get(0);

        assertThat(entry.type()).isEqualTo(AuthEventType.SESSIONS_ENDED_BY_ADMIN);
        assertThat(entry.username()).isEqualTo("secret");
        assertThat(entry.actor()).isEqualTo("admin");
        assertThat(entry.sessionId()).isEqualTo("9b2f4c1e-0000-4000-8000-000000000000");
        assertThat(entry.ipAddress()).isEqualTo("203.0.113.9");
        assertThat(entry.userAgent()).isEqualTo("curl/8.5.0");
        assertThat(entry.detail()).isEqualTo("2 sessions");
    }

    private void save(Instant at, AuthEventType type, String username) {
        this.events.save(new AuthEvent(at, type, username, null, null, CLIENT, null));
    }

    private static List<AuthEventType> types(Page<AuditEntry> page) {
        return page.getContent().stream().map(AuditEntry::type).toList();
    }

    private static List<String> usernames(Page<AuditEntry> page) {
        return page.getContent().stream().map(AuditEntry::username).toList();
    }

}
