package dev.jwtflights.account;

import jakarta.servlet.http.HttpServletRequest;
import dev.jwtflights.passkeys.Passkeys;
import dev.jwtflights.system.Client;
import dev.jwtflights.system.PageController;
import dev.jwtflights.system.PageNotice;
import dev.jwtflights.tokens.TokenAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A person's own passkeys: each with its label, when it was added and last used; adding one (the registration
 * ceremony, run by the page's script against Spring Security's {@code /webauthn/register} endpoints) and removing one.
 * Only ever the signed-in person's own: a passkey of someone else's is answered as one that does not exist.
 */
@Controller
class AccountPasskeysController implements PageController {

    private static final Logger log = LoggerFactory.getLogger(AccountPasskeysController.class);

    private final Passkeys passkeys;

    AccountPasskeysController(Passkeys passkeys) {
        this.passkeys = passkeys;
    }

    @GetMapping("/account/passkeys")
    String passkeys(TokenAuthentication authentication,
            @RequestParam(name = "notice", required = false) String notice, Model model) {
        PageNotice.show(PasskeyNotice.class, notice, model);
        model.addAttribute("passkeys", this.passkeys.of(authentication.getName()));
        return "account/passkeys";
    }

    @PostMapping("/account/passkeys/remove")
    String remove(TokenAuthentication authentication, @RequestParam("id") String id, HttpServletRequest request) {
        if (!this.passkeys.removeOwn(authentication.getName(), id, Client.of(request))) {
            log.info("User '{}' asked to remove a passkey that is not one of theirs", authentication.getName());
            return PasskeyNotice.NOT_FOUND.redirect();
        }
        return PasskeyNotice.REMOVED.redirect();
    }

}
