package dev.jwtflights.admin;

import jakarta.servlet.http.HttpServletRequest;
import dev.jwtflights.sessions.ActiveSession;
import dev.jwtflights.sessions.Sessions;
import dev.jwtflights.system.Client;
import dev.jwtflights.system.PageController;
import dev.jwtflights.system.PageNotice;
import dev.jwtflights.tokens.TokenAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every active session, newest first, a page at a time and filtered by username; ending one, every one of a user, or
 * everyone's (after a confirmation page, keeping the administrator's own session if they ask).
 */
@Controller
class AdminSessionsController implements PageController {

    private static final Logger log = LoggerFactory.getLogger(AdminSessionsController.class);

    private static final String PATH = "/admin/sessions";

    private final Sessions sessions;

    AdminSessionsController(Sessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping(PATH)
    String sessions(TokenAuthentication authentication,
            @RequestParam(name = "username", required = false) String username,
            @RequestParam(name = "page", defaultValue = "0") int page,
            @RequestParam(name = "notice", required = false) String notice, Model model) {
        String filter = AdminPages.filter(username);
        Page<ActiveSession> found = this.sessions.activeSessions(filter, AdminPages.page(page), AdminPages.PAGE_SIZE);
        PageNotice.show(AdminNotice.class, notice, model);
        model.addAttribute("sessions", found);
        model.addAttribute("username", filter);
        model.addAttribute("currentSessionId", authentication.token().sessionId());
        return "admin/sessions";
    }

    @PostMapping(PATH + "/end")
    String end(TokenAuthentication authentication, @RequestParam("sessionId") String sessionId,
            HttpServletRequest request) {
        boolean ended = this.sessions.endByAdmin(sessionId, authentication.getName(), Client.of(request));
        return (ended ? AdminNotice.SESSION_ENDED : AdminNotice.SESSION_NOT_FOUND).redirect();
    }

    @PostMapping(PATH + "/end-user")
    String endUser(TokenAuthentication authentication, @RequestParam("username") String username,
            HttpServletRequest request) {
        this.sessions.endAllOfUserByAdmin(username, authentication.getName(), Client.of(request));
        return AdminNotice.USER_SESSIONS_ENDED.redirect();
    }

    /** The confirmation step of ending everyone's sessions. */
    @GetMapping(PATH + "/end-all")
    String confirmEndAll(Model model) {
        model.addAttribute("activeSessions", this.sessions.activeSessions(null, 0, 1).getTotalElements());
        return "admin/end-all";
    }

    /**
     * Ends every session; the administrator's own too, unless they keep it. Without their own, the next page is the
     * login page, which says that an administrator ended the session.
     */
    @PostMapping(PATH + "/end-all")
    String endAll(TokenAuthentication authentication,
            @RequestParam(name = "keepMine", defaultValue = "false") boolean keepMine, HttpServletRequest request) {
        String keep = keepMine ? authentication.token().sessionId() : null;
        int ended = this.sessions.endEveryoneByAdmin(keep, authentication.getName(), Client.of(request));
        log.warn("Administrator '{}' ended every session ({} sessions; their own {})", authentication.getName(), ended,
                keepMine ? "kept" : "ended too");
        return keepMine ? AdminNotice.ALL_ENDED_KEPT.redirect() : "redirect:" + PATH;
    }

}
