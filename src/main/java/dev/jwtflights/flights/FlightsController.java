package dev.jwtflights.flights;

import java.util.List;

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

/**
 * The flights page: the reservation list, fetched from the API with the user's own access token, and a panel that
 * shows the state of the login session (never a token).
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
    String flights(TokenAuthentication authentication, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        List<Flight> flights;
        try {
            flights = flightsFor(authentication, request, response);
        }
        catch (ReservationClient.ApiUnavailableException ex) {
            log.error("The reservation API is unavailable", ex);
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("unavailable", true);
            flights = List.of();
        }
        model.addAttribute("flights", flights);
        model.addAttribute("sessionInfo", this.session.describe(currentAuthentication(authentication)));
        return "flights/list";
    }

    /** The request's authentication, which {@link #flightsFor} may have renewed. */
    private static TokenAuthentication currentAuthentication(TokenAuthentication original) {
        return (SecurityContextHolder.getContext().getAuthentication() instanceof TokenAuthentication current)
                ? current : original;
    }

    /**
     * Asks the API; if it refuses the access token, renews the session once, in this same request, and asks again.
     * If that fails too, the person is sent to the login page (by the security configuration's entry point).
     */
    private List<Flight> flightsFor(TokenAuthentication authentication, HttpServletRequest request,
            HttpServletResponse response) {
        try {
            return this.reservations.flights(authentication.token().value());
        }
        catch (ReservationClient.ApiUnauthorizedException ex) {
            log.info("The API refused the access token of user '{}'; renewing the session", authentication.getName());
        }
        TokenAuthentication renewed = this.session.renew(request, response)
            .orElseThrow(() -> new CredentialsExpiredException("The session could not be renewed"));
        SecurityContextHolder.getContext().setAuthentication(renewed);
        try {
            return this.reservations.flights(renewed.token().value());
        }
        catch (ReservationClient.ApiUnauthorizedException ex) {
            throw new CredentialsExpiredException("The API refused a freshly issued access token");
        }
    }

}
