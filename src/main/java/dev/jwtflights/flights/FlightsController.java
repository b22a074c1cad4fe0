package dev.jwtflights.flights;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import dev.jwtflights.system.PageController;
import dev.jwtflights.system.PageNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The flights page: the reservation list, fetched from the API on the user's behalf; for an ADMIN also a form to add
 * a reservation and a button to delete one, which go through the API the same way. The API decides who may do what
 * and which fields are valid; this page shows its answers. (The user's token, and its renewal when the API refuses
 * it, are the API client's business; the session panel's data comes from the browser side's model advice.)
 */
@Controller
class FlightsController implements PageController {

    private static final Logger log = LoggerFactory.getLogger(FlightsController.class);

    private final ReservationClient reservations;

    FlightsController(ReservationClient reservations) {
        this.reservations = reservations;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/flights";
    }

    @GetMapping("/flights")
    String flights(@RequestParam(name = "notice", required = false) String notice, HttpServletResponse response,
            Model model) {
        PageNotice.show(FlightsNotice.class, notice, model);
        return page(ReservationForm.empty(), Map.of(), response, model);
    }

    @PostMapping("/flights/add")
    String add(Authentication authentication, @ModelAttribute ReservationForm form, HttpServletResponse response,
            Model model) {
        try {
            Flight added = this.reservations.add(form);
            log.info("User '{}' added reservation {} from the flights page", authentication.getName(), added.id());
            return FlightsNotice.ADDED.redirect();
        }
        catch (ReservationClient.ApiRejectedException ex) {
            if (ex.status() == HttpStatus.BAD_REQUEST) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                return page(form, ex.fieldErrors(), response, model);
            }
            // The API refuses a body of many kilobytes before it reads a field: no field errors to show.
            return (ex.status() == HttpStatus.CONTENT_TOO_LARGE) ? FlightsNotice.TOO_LONG.redirect()
                    : FlightsNotice.FORBIDDEN.redirect();
        }
        catch (ReservationClient.ApiUnavailableException ex) {
            log.error("The reservation API is unavailable", ex);
            return FlightsNotice.UNAVAILABLE.redirect();
        }
    }

    @PostMapping("/flights/{id}/delete")
    String delete(Authentication authentication, @PathVariable long id) {
        try {
            this.reservations.delete(id);
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

    private String page(ReservationForm form, Map<String, String> fieldErrors, HttpServletResponse response,
            Model model) {
        List<Flight> flights;
        try {
            flights = this.reservations.flights();
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
        return "flights/list";
    }

}
