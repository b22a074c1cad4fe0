package dev.jwtflights.login;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;

import dev.jwtflights.system.PageController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page: the password form and the passkey button. {@code POST /login} is handled by Spring Security's form
 * login, the passkey's {@code POST /login/webauthn} by its {@code webAuthn()}.
 */
@Controller
class LoginController implements PageController {

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        LoginNotice notice = Arrays.stream(LoginNotice.values())
            .filter((candidate) -> candidate.parameter() != null
                    && request.getParameter(candidate.parameter()) != null)
            .findFirst()
            .orElse(LoginNotice.NONE);
        model.addAttribute("notice",
                (notice.parameter() != null) ? notice.message(request.getParameter(notice.parameter())) : null);
        model.addAttribute("failed", notice == LoginNotice.FAILED || notice == LoginNotice.THROTTLED
                || notice == LoginNotice.PASSKEY_FAILED);
        return "auth/login";
    }

}
