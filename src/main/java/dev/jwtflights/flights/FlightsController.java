package dev.jwtflights.flights;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.jwtflights.auth.BrowserSession;
import dev.jwtflights.auth.TokenAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The flights page: the reservation list, fetched from the API with the user's own access token; for an ADMIN also
 * a form to add a reservation and a button to delete one, which go through the API the same way. The API decides
 * who may do what and which fields are valid; this page shows its answers. A panel shows the state of the login
 * session (never a token).
 */
@Controller
class FlightsController {

    private static final Logger log = LoggerFactory.getLogger(FlightsController.class);

    private final ReservationClient reservations;

    private final BrowserSession session;

    FlightsController(ReservationClient reservations, BrowserSession session) {
        this.reservations = reservations;
        this.session = session;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/flights";
    }

    @GetMapping("/flights")
    String flights(TokenAuthentication authentication, @RequestParam(name = "notice", required = false) String notice,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        FlightsNotice.of(notice).ifPresent((found) -> {
            model.addAttribute("notice", found.message());
            model.addAttribute("noticeIsProblem", found.problem());
        });
        return page(authentication, ReservationForm.empty(), Map.of(), request, response, model);
    }

    @PostMapping("/flights/add")
    String add(TokenAuthentication authentication, @ModelAttribute ReservationForm form, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        try {
            Flight added = withApi(authentication, request, response, (token) -> this.reservations.add(token, form));
            log.info("User '{}' added reservation {} from the flights page", authentication.getName(), added.id());
            return FlightsNotice.ADDED.redirect();
        }
        catch (ReservationClient.ApiRejectedException ex) {
            if (ex.status() == HttpStatus.BAD_REQUEST) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                return page(authentication, form, ex.fieldErrors(), request, response, model);
            }
            return FlightsNotice.FORBIDDEN.redirect();
        }
        catch (ReservationClient.ApiUnavailableException ex) {
            log.error("The reservation API is unavailable", ex);
            return FlightsNotice.UNAVAILABLE.redirect();
        }
    }

    @PostMapping("/flights/{id}/delete")
    String delete(TokenAuthentication authentication, @PathVariable long id, HttpServletRequest request,
            HttpServletResponse response) {
        try {
            withApi(authentication, request, response, (token) -> {
                this.reservations.delete(token, id);
                return id;
            });
            log.info("User '{}' deleted reservation {} from the flights page", authentication.getName(), id);
            return FlightsNotice.DELETED.redirect();
        }
        catch (ReservationClient.ApiRejectedException ex) {
            return (ex.status() == HttpStatus.NOT_FOUND) ? FlightsNotice.MISSING.redirect()
                    : FlightsNotice.FORBIDDEN.redirect();
        }
        catch (ReservationClient.ApiUnavailableException ex) {
            log.error("The reservation API is unavailable", ex);
            return FlightsNotice.UNAVAILABLE.redirect();
        }
    }

    private String page(TokenAuthentication authentication, ReservationForm form, Map<String, String> fieldErrors,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        List<Flight> flights;
        try {
            flights = withApi(authentication, request, response, this.reservations::flights);
        }
        catch (ReservationClient.ApiUnavailableException ex) {
            log.error("The reservation API is unavailable", ex);
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("unavailable", true);
            flights = List.of();
        }
        model.addAttribute("flights", flights);
        model.addAttribute("reservationForm", form);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("sessionInfo", this.session.describe(currentAuthentication(authentication)));
        return "flights/list";
    }

    /**
     * Calls the API with the user's access token; if the API refuses the token, renews the session once, in this
     * same request, and calls again. If that fails too, the person is sent to the login page (by the security
     * configuration's entry point).
     */
    private <T> T withApi(TokenAuthentication authentication, HttpServletRequest request,
            HttpServletResponse response, Function<String, T> call) {
        TokenAuthentication current = currentAuthentication(authentication);
        try {
            return call.apply(current.token().value());
        }
        catch (ReservationClient.ApiUnauthorizedException ex) {
            log.info("The API refused the access token of user '{}'; renewing the session", current.getName());
        }
        TokenAuthentication renewed = this.session.renew(request, response)
            .orElseThrow(() -> new CredentialsExpiredException("The session could not be renewed"));
        SecurityContextHolder.getContext().setAuthentication(renewed);
        try {
            return call.apply(renewed.token().value());
        }
        catch (ReservationClient.ApiUnauthorizedException ex) {
            throw new CredentialsExpiredException("The API refused a freshly issued access token");
        }
    }

    /** The request's authentication, or the one that replaced it after a renewal earlier in this request. */
    private static TokenAuthentication currentAuthentication(TokenAuthentication authentication) {
        return (SecurityContextHolder.getContext().getAuthentication() instanceof TokenAuthentication current)
                ? current : authentication;
    }

}
