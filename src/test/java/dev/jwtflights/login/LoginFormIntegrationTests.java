package dev.jwtflights.login;

import dev.jwtflights.test.TestClockConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The login form checks passwords with the same {@code AuthenticationManager} as {@code POST /api/auth/token}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
class LoginFormIntegrationTests {

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private JdbcTemplate jdbc;

    @MockitoSpyBean
    private PasswordEncoder passwordEncoder;

    @Test
    void loginWhenCredentialsValidThenBothCookiesAndFlights() {
        MvcTestResult result = this.mvc.post()
            .uri("/login")
            .with(csrf())
            .param("username", "secret")
            .param("password", "secret")
            .exchange();

        assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/flights");
        assertThat(result).headers().hasHeaderSatisfying(HttpHeaders.SET_COOKIE, (cookies) -> assertThat(cookies)
            .anySatisfy((cookie) -> assertThat(cookie).startsWith(AuthCookies.ACCESS_TOKEN + "=ey"))
            .anySatisfy((cookie) -> assertThat(cookie).startsWith(AuthCookies.REFRESH_TOKEN + "=")));
    }

    @Test
    void loginWhenUsernameHasSpacesAroundThenTrimmedAsAtTheTokenEndpoint() {
        MvcTestResult result = this.mvc.post()
            .uri("/login")
            .with(csrf())
            .param("username", " secret\t")
            .param("password", "secret")
            .exchange();

        assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/flights");
    }

    @Test
    void loginWhenAccountDisabledThenThePasswordIsCheckedAllTheSameAndLoginFailed() {
        this.jdbc.update("UPDATE app_user SET enabled = FALSE WHERE username = 'admin'");
        try {
            MvcTestResult result = this.mvc.post()
                .uri("/login")
                .with(csrf())
                .param("username", "admin")
                .param("password", "wrong")
                .exchange();

            assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login?error");
            then(this.passwordEncoder).should().matches(eq("wrong"), anyString());
        }
        finally {
            this.jdbc.update("UPDATE app_user SET enabled = TRUE WHERE username = 'admin'");
        }
    }

    @Test
    void loginWhenPasswordWrongThenLoginFailed() {
        MvcTestResult result = this.mvc.post()
            .uri("/login")
            .with(csrf())
            .param("username", "secret")
            .param("password", "wrong")
            .exchange();

        assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login?error");
        assertThat(result).headers().doesNotContainHeader(HttpHeaders.SET_COOKIE);
    }

}
