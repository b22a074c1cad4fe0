package dev.jwtflights.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import dev.jwtflights.system.Client;

/**
 * One row of the audit trail. Written once, never changed.
 */
@Entity
@Table(name = "auth_event")
class AuthEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private AuthEventType type;

    @Column(length = 100)
    private String username;

    @Column(length = 100)
    private String actor;

    @Column(name = "session_id", length = 36)
    private String sessionId;

    @Column(name = "ip_address", length = 45)
    private String ipAddress;

    @Column(name = "user_agent", length = 255)
    private String userAgent;

    @Column(length = 255)
    private String detail;

    protected AuthEvent() {
    }

    AuthEvent(Instant occurredAt, AuthEventType type, String username, String actor, String sessionId, Client client,
            String detail) {
        this.occurredAt = occurredAt;
        this.type = type;
        this.username = username;
        this.actor = actor;
        this.sessionId = sessionId;
        this.ipAddress = client.ipAddress();
        this.userAgent = client.userAgent();
        this.detail = detail;
    }

    AuditEntry entry() {
        return new AuditEntry(this.occurredAt, this.type, this.username, this.actor, this.sessionId, this.ipAddress,
                this.userAgent, this.detail);
    }

    @Override
    public String toString() {
        return "AuthEvent[id=" + this.id + ", type=" + this.type + ", username=" + this.username + ", sessionId="
                + this.sessionId + "]";
    }

}
