package dev.jwtflights.login;

import org.junit.jupiter.api.Test;

import dev.jwtflights.sessions.Sessions;
import dev.jwtflights.test.WebSecurityTestConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With {@code spring.h2.console.enabled=false} the console's chain is gone and the pages still work.
 */
@WebMvcTest(controllers = LoginController.class, properties = "spring.h2.console.enabled=false")
@Import({ WebSecurityTestConfiguration.class, LoginSecurityConfiguration.class })
@MockitoBean(types = { BrowserSession.class, Sessions.class })
class H2ConsoleDisabledTests {

    @Autowired
    private MockMvc mvc;

    @Test
    void loginPageWhenConsoleDisabledThenServed() throws Exception {
        this.mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @Test
    void consolePathWhenDisabledThenAnOrdinaryProtectedPage() throws Exception {
        this.mvc.perform(get("/h2-console/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

}
