package dev.jwtflights.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit trail, newest first, a page at a time.
 */
@Service
public class AuditLog {

    private final AuthEventRepository events;

    AuditLog(AuthEventRepository events) {
        this.events = events;
    }

    /**
     * One page of events, newest first.
     * @param username only this user's (exactly as stored), or {@code null} for everyone's
     * @param type only of this type, or {@code null} for every type
     */
    @Transactional(readOnly = true)
    public Page<AuditEntry> find(String username, AuthEventType type, int page, int size) {
        Specification<AuthEvent> where = Specification.unrestricted();
        if (username != null) {
            where = where.and((event, query, criteria) -> criteria.equal(event.get("username"), username));
        }
        if (type != null) {
            where = where.and((event, query, criteria) -> criteria.equal(event.get("type"), type));
        }
        PageRequest request = PageRequest.of(page, size, Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id")));
        return this.events.findAll(where, request).map(AuthEvent::entry);
    }

}
