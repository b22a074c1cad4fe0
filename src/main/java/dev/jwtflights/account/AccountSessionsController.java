package dev.jwtflights.account;

import jakarta.servlet.http.HttpServletRequest;
import dev.jwtflights.sessions.Sessions;
import dev.jwtflights.system.Client;
import dev.jwtflights.system.PageController;
import dev.jwtflights.system.PageNotice;
import dev.jwtflights.tokens.AccessToken;
import dev.jwtflights.tokens.TokenAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A person's own sessions: every active one (device, address, when it signed in, last renewed and expires), the
 * current one marked; ending one of the others, or all of them. Only ever the signed-in person's own: a session id of
 * someone else's is answered as one that does not exist.
 */
@Controller
class AccountSessionsController implements PageController {

    private static final Logger log = LoggerFactory.getLogger(AccountSessionsController.class);

    private final Sessions sessions;

    AccountSessionsController(Sessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/account/sessions")
    String sessions(TokenAuthentication authentication,
            @RequestParam(name = "notice", required = false) String notice, Model model) {
        AccessToken current = authentication.token();
        PageNotice.show(AccountNotice.class, notice, model);
        model.addAttribute("sessions", this.sessions.activeSessionsOf(current.username()));
        model.addAttribute("currentSessionId", current.sessionId());
        return "account/sessions";
    }

    @PostMapping("/account/sessions/end")
    String end(TokenAuthentication authentication, @RequestParam("sessionId") String sessionId,
            HttpServletRequest request) {
        AccessToken current = authentication.token();
        if (sessionId.equals(current.sessionId())) {
            return AccountNotice.CURRENT.redirect();
        }
        if (!this.sessions.endOwn(current, sessionId, Client.of(request))) {
            log.info("User '{}' asked to end session {}, which is not one of their active sessions",
                    current.username(), sessionId);
            return AccountNotice.NOT_FOUND.redirect();
        }
        return AccountNotice.ENDED.redirect();
    }

    @PostMapping("/account/sessions/end-others")
    String endOthers(TokenAuthentication authentication, HttpServletRequest request) {
        this.sessions.endOthers(authentication.token(), Client.of(request));
        return AccountNotice.ENDED_OTHERS.redirect();
    }

}
