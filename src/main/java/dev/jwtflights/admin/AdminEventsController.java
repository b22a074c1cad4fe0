package dev.jwtflights.admin;

import dev.jwtflights.audit.AuditLog;
import dev.jwtflights.audit.AuthEventType;
import dev.jwtflights.system.PageController;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail, newest first, a page at a time, filtered by username and type.
 */
@Controller
class AdminEventsController implements PageController {

    private final AuditLog auditLog;

    AdminEventsController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping("/admin/events")
    String events(@RequestParam(name = "username", required = false) String username,
            @RequestParam(name = "type", required = false) AuthEventType type,
            @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        String filter = AdminPages.filter(username);
        model.addAttribute("events", this.auditLog.find(filter, type, AdminPages.page(page), AdminPages.PAGE_SIZE));
        model.addAttribute("username", filter);
        model.addAttribute("type", type);
        model.addAttribute("types", AuthEventType.values());
        return "admin/events";
    }

}
