package dev.jwtflights.admin;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dev.jwtflights.passkeys.Passkeys;
import dev.jwtflights.sessions.Sessions;
import dev.jwtflights.system.Client;
import dev.jwtflights.system.PageController;
import dev.jwtflights.system.PageNotice;
import dev.jwtflights.tokens.TokenAuthentication;
import dev.jwtflights.users.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The users: their role, whether they may sign in, how many sessions and passkeys they have; disabling or enabling one
 * (a disabled user's sessions end at once, and their passkeys sign them in no more), setting a new password (hashed at
 * once; the user's sessions end) and removing a user's passkeys (a lost device, say).
 */
@Controller
class AdminUsersController implements PageController {

    private static final Logger log = LoggerFactory.getLogger(AdminUsersController.class);

    private static final String PATH = "/admin/users";

    private final UserAccounts accounts;

    private final Sessions sessions;

    private final Passkeys passkeys;

    AdminUsersController(UserAccounts accounts, Sessions sessions, Passkeys passkeys) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.passkeys = passkeys;
    }

    @GetMapping(PATH)
    String users(TokenAuthentication authentication, @RequestParam(name = "notice", required = false) String notice,
            Model model) {
        PageNotice.show(AdminNotice.class, notice, model);
        model.addAttribute("users", this.accounts.list());
        model.addAttribute("sessionCounts", this.sessions.activeSessionCounts());
        model.addAttribute("passkeyCounts", this.passkeys.counts());
        model.addAttribute("me", authentication.getName());
        return "admin/users";
    }

    @PostMapping(PATH + "/disable")
    String disable(TokenAuthentication authentication, @RequestParam("username") String username,
            HttpServletRequest request) {
        if (username.equals(authentication.getName())) {
            return AdminNotice.NOT_YOURSELF.redirect();
        }
        if (!this.accounts.setEnabled(username, false, authentication.getName(), Client.of(request))) {
            return AdminNotice.USER_NOT_FOUND.redirect();
        }
        log.info("Administrator '{}' disabled user '{}'", authentication.getName(), username);
        return AdminNotice.USER_DISABLED.redirect();
    }

    @PostMapping(PATH + "/enable")
    String enable(TokenAuthentication authentication, @RequestParam("username") String username,
            HttpServletRequest request) {
        if (!this.accounts.setEnabled(username, true, authentication.getName(), Client.of(request))) {
            return AdminNotice.USER_NOT_FOUND.redirect();
        }
        log.info("Administrator '{}' enabled user '{}'", authentication.getName(), username);
        return AdminNotice.USER_ENABLED.redirect();
    }

    @PostMapping(PATH + "/passkeys/remove")
    String removePasskeys(TokenAuthentication authentication, @RequestParam("username") String username,
            HttpServletRequest request) {
        if (this.accounts.find(username).isEmpty()) {
            return AdminNotice.USER_NOT_FOUND.redirect();
        }
        if (this.passkeys.removeAllOf(username, authentication.getName(), Client.of(request)) == 0) {
            return AdminNotice.NO_PASSKEYS.redirect();
        }
        return AdminNotice.PASSKEYS_REMOVED.redirect();
    }

    @GetMapping(PATH + "/password")
    String passwordForm(@RequestParam("username") String username, Model model) {
        if (this.accounts.find(username).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such user");
        }
        model.addAttribute("username", username);
        model.addAttribute("errors", Map.of());
        return "admin/password";
    }

    /**
     * Sets the typed password. A password that is too short or too long, or a confirmation that differs, shows the form
     * again (400) with what to fix; the typed password is never shown again, nor logged.
     */
    @PostMapping(PATH + "/password")
    String setPassword(TokenAuthentication authentication, @ModelAttribute PasswordForm form,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Map<String, String> errors = errors(form);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("username", form.username());
            model.addAttribute("errors", errors);
            return "admin/password";
        }
        if (!this.accounts.setPassword(form.username(), form.password(), authentication.getName(),
                Client.of(request))) {
            return AdminNotice.USER_NOT_FOUND.redirect();
        }
        log.info("Administrator '{}' set a new password for user '{}'", authentication.getName(), form.username());
        return AdminNotice.PASSWORD_SET.redirect();
    }

    private static Map<String, String> errors(PasswordForm form) {
        if (form.username() == null || form.username().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "username is required");
        }
        if (!UserAccounts.acceptablePassword(form.password())) {
            return Map.of("password", "Use at least " + UserAccounts.MIN_PASSWORD_LENGTH + " characters, and at most "
                    + UserAccounts.MAX_PASSWORD_BYTES + " bytes (fewer with accents or emoji).");
        }
        if (!form.password().equals(form.confirmation())) {
            return Map.of("confirmation", "The two passwords differ.");
        }
        return Map.of();
    }

}
