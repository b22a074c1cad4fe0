package dev.jwtflights.login;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.jwtflights.sessions.Sessions;
import dev.jwtflights.test.WebSecurityTestConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The login page.
 */
@WebMvcTest(LoginController.class)
@Import({ WebSecurityTestConfiguration.class, LoginSecurityConfiguration.class })
@MockitoBean(types = { BrowserSession.class, Sessions.class })
class LoginControllerTests {

    @Autowired
    private MockMvc mvc;

    @Test
    void loginPageHasUsernamePasswordAndCsrfFields() throws Exception {
        this.mvc.perform(get("/login"))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("<form action=\"/login\" method=\"post\">"),
                    containsString("name=\"username\""), containsString("type=\"password\""),
                    containsString("name=\"password\""), containsString("name=\"_csrf\""))))
            .andExpect(content().string(not(containsString("Login failed"))));
    }

    @ParameterizedTest
    @CsvSource({ "error, Login failed", "throttled, Too many failed attempts. Try again later.",
            "logout, You have signed out", "expired, Your session has expired",
            "revoked, ended by an administrator", "reused, an old session token was used again",
            "ended, ended from another of your devices", "password-changed, Your password was changed",
            "session-limit, signed in on too many devices", "disabled, Your account was disabled" })
    void loginPageSaysWhyThePersonIsThere(String parameter, String message) throws Exception {
        this.mvc.perform(get("/login").param(parameter, ""))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString(message)));
    }

    @ParameterizedTest
    @CsvSource({ "12, Too many failed attempts. Try again in 12 seconds.",
            "1, Too many failed attempts. Try again in 1 second.",
            "99999, Too many failed attempts. Try again in 99999 seconds.",
            "0, Too many failed attempts. Try again later.", "-5, Too many failed attempts. Try again later.",
            "100000, Too many failed attempts. Try again later.", "12abc, Too many failed attempts. Try again later.",
            "'<b>9</b>', Too many failed attempts. Try again later." })
    void loginPageWhenThrottledThenSaysHowLongToWaitIfTheRedirectSaidSo(String seconds, String message)
            throws Exception {
        this.mvc.perform(get("/login").param("throttled", seconds))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString(message), containsString("alert-danger"),
                    not(containsString("<b>")))));
    }

    @Test
    void loginFailedNeverSaysWhichPartWasWrong() throws Exception {
        this.mvc.perform(get("/login").param("error", ""))
            .andExpect(content().string(allOf(not(containsString("Unknown user")),
                    not(containsString("Wrong password")), not(containsString("Bad credentials")))));
    }

}
