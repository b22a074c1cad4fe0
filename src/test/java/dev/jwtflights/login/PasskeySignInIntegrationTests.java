package dev.jwtflights.login;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import dev.jwtflights.test.CookieJarClient;
import dev.jwtflights.test.CookieJarClient.Page;
import dev.jwtflights.test.TestClockConfiguration;
import dev.jwtflights.test.TestJwts;
import dev.jwtflights.test.TestUsers;
import dev.jwtflights.tokens.SignInMethod;
import dev.jwtflights.tokens.TokenService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthentication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in with a passkey: what follows Spring Security's verified assertion is the password login's success
 * handler, so the session is the same (cookies, {@code sid}, one-minute access token, refresh token) and says it was a
 * passkey; a disabled user is refused there too; and the ceremony's endpoints, the login page's button and its
 * notices over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
class PasskeySignInIntegrationTests {

    @LocalServerPort
    private int port;

    @Autowired
    private BrowserSession session;

    @Autowired
    private TokenService tokens;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void successWhenPasskeyThenTheSessionOfAPasswordLoginMarkedSwkAndAudited() throws Exception {
        String user = TestUsers.create(this.jdbc, "USER");
        MockHttpServletResponse response = new MockHttpServletResponse();

        new LoginSuccessHandler(this.session).onAuthenticationSuccess(new MockHttpServletRequest("POST",
                "/login/webauthn"), response, passkeyOf(user));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("{\"authenticated\":true,\"redirectUrl\":\"/flights\"}");
        Cookie access = response.getCookie("accessToken");
        Cookie refresh = response.getCookie("refreshToken");
        assertThat(access).isNotNull();
        assertThat(refresh).isNotNull();
        assertThat(access.isHttpOnly()).isTrue();
        assertThat(refresh.isHttpOnly()).isTrue();
        assertThat(access.getMaxAge()).isEqualTo(60);
        Map<String, Object> claims = TestJwts.decodePart(access.getValue(), 1);
        assertThat(claims).containsEntry("sub", user).containsEntry("amr", List.of("swk")).containsKey("sid");
        assertThat(this.tokens.verify(access.getValue()).signInMethod()).isEqualTo(SignInMethod.PASSKEY);
        assertThat(this.jdbc.queryForObject("SELECT amr FROM refresh_token WHERE family_id = ?", String.class,
                claims.get("sid"))).isEqualTo("swk");
        assertThat(this.jdbc.queryForObject("SELECT type FROM auth_event WHERE session_id = ?", String.class,
                claims.get("sid"))).isEqualTo("LOGIN_WITH_PASSKEY");
    }

    @Test
    void successWhenPasskeyThenRenewalsKeepSayingPasskey() {
        String user = TestUsers.create(this.jdbc, "USER");
        CookieJarClient browser = new CookieJarClient(this.port);
        MockHttpServletResponse response = new MockHttpServletResponse();
        this.session.start(user, SignInMethod.PASSKEY, new MockHttpServletRequest(), response);
        browser.setCookie("refreshToken", response.getCookie("refreshToken").getValue());

        Page flights = browser.get("/flights");

        assertThat(flights.status()).isEqualTo(200);
        assertThat(flights.body()).contains("<dd id=\"sign-in-method\">a passkey</dd>");
        assertThat(TestJwts.decodePart(browser.cookie("accessToken").orElseThrow(), 1))
            .containsEntry("amr", List.of("swk"));
    }

    @Test
    void successWhenThePasskeysUserIsDisabledThenRefusedWithoutCookies() throws Exception {
        String user = TestUsers.create(this.jdbc, "USER");
        this.jdbc.update("UPDATE app_user SET enabled = FALSE WHERE username = ?", user);
        MockHttpServletResponse response = new MockHttpServletResponse();

        new LoginSuccessHandler(this.session).onAuthenticationSuccess(new MockHttpServletRequest("POST",
                "/login/webauthn"), response, passkeyOf(user));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentAsString())
            .isEqualTo("{\"authenticated\":false,\"redirectUrl\":\"/login?passkey-failed\"}");
        assertThat(response.getCookie("accessToken")).isNull();
        assertThat(response.getCookie("refreshToken")).isNull();
    }

    @Test
    void optionsWhenAskedWithTheCsrfTokenThenAChallengeInACookieOfItsOwnAndNoHttpSession() {
        CookieJarClient browser = new CookieJarClient(this.port);

        Page options = browser.submit(browser.get("/login"), "/webauthn/authenticate/options", Map.of());

        assertThat(options.status()).isEqualTo(200);
        assertThat(options.body()).contains("\"challenge\"")
            .contains("\"rpId\":\"localhost\"")
            .contains("\"userVerification\":\"required\"");
        assertThat(options.setCookie("passkeySignIn")).hasValueSatisfying((cookie) -> assertThat(cookie)
            .contains("HttpOnly")
            .contains("SameSite=Strict")
            .contains("Max-Age=300"));
        assertThat(options.setCookies()).noneMatch((cookie) -> cookie.startsWith("JSESSIONID"));
    }

    @Test
    void optionsAndLoginWithoutTheCsrfTokenThenForbidden() {
        CookieJarClient browser = new CookieJarClient(this.port);

        assertThat(browser.post("/webauthn/authenticate/options", Map.of()).status()).isEqualTo(403);
        assertThat(browser.post("/login/webauthn", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void loginWhenTheAssertionIsNoneThenTheLoginPageSaysThePasskeyFailed() {
        CookieJarClient browser = new CookieJarClient(this.port);
        Page login = browser.get("/login");
        browser.submit(login, "/webauthn/authenticate/options", Map.of());

        Page answer = browser.submit(login, "/login/webauthn", Map.of("id", "not-an-assertion"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo("{\"authenticated\":false,\"redirectUrl\":\"/login?passkey-failed\"}");
        assertThat(browser.cookie("accessToken")).isEmpty();
        assertThat(browser.get("/login?passkey-failed").body())
            .contains("Signing in with a passkey failed. Try again, or sign in with your password.");
    }

    @Test
    void loginPageWhenOpenedThenThePasskeyButtonAndItsScriptAndTheCsrfMeta() {
        Page login = new CookieJarClient(this.port).get("/login");

        assertThat(login.body()).contains("id=\"passkey-sign-in\"")
            .contains("Sign in with a passkey")
            .contains("<script src=\"/js/passkeys.js\" defer></script>")
            .contains("<meta name=\"_csrf_header\" content=\"X-XSRF-TOKEN\">");
        assertThat(login.header("Content-Security-Policy")).hasValueSatisfying(
                (policy) -> assertThat(policy).isEqualTo(LoginSecurityConfiguration.PAGE_POLICY));
    }

    @Test
    void loginPageWhenCancelledThenSaysSo() {
        assertThat(new CookieJarClient(this.port).get("/login?passkey-cancelled").body())
            .contains("Signing in with a passkey was cancelled");
    }

    @Test
    void theScriptIsServedByTheApplication() {
        Page script = new CookieJarClient(this.port).get("/js/passkeys.js");

        assertThat(script.status()).isEqualTo(200);
        assertThat(script.body()).contains("parseRequestOptionsFromJSON").contains("parseCreationOptionsFromJSON");
    }

    private static WebAuthnAuthentication passkeyOf(String username) {
        return new WebAuthnAuthentication(ImmutablePublicKeyCredentialUserEntity.builder()
            .id(Bytes.random())
            .name(username)
            .displayName(username)
            .build(), AuthorityUtils.createAuthorityList("ROLE_USER"));
    }

}
