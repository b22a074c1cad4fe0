package dev.jwtflights.login;

import java.util.Arrays;

import dev.jwtflights.sessions.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The login page says why the person is there, for every reason a session can end, and never which of username or
 * password was wrong.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LoginPageIntegrationTests {

    @Autowired
    private MockMvc mvc;

    @ParameterizedTest
    @EnumSource(value = LoginNotice.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void loginWhenNoticeParameterThenShowsItsSentence(LoginNotice notice) throws Exception {
        // The redirects say "/login?revoked"; a servlet container reads that as the parameter with an empty value.
        this.mvc.perform(get("/login").param(notice.parameter(), ""))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString(notice.message())));
    }

    @Test
    void loginWhenNoParameterThenNoNotice() throws Exception {
        String page = this.mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<title>Sign in &middot; jwt-flights</title>").doesNotContain("role=\"alert\"");
    }

    @Test
    void loginPageIsAsciiOnlySoThatItIsEncodedAtOnce() throws Exception {
        // The layout's text is ASCII (the title's separator is "&middot;"): a servlet's UTF-8 encoder takes a fast path
        // for ASCII and falls back to one character at a time from the first other character to the end.
        String page = this.mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();

        assertThat(page).isNotEmpty().matches("\\p{ASCII}*");
    }

    @ParameterizedTest
    @EnumSource(Refusal.class)
    void refreshFailureWhenSentToLoginThenANoticeExplainsIt(Refusal failure) {
        LoginNotice notice = LoginNotice.of(failure);

        if (failure == Refusal.MISSING) {
            assertThat(notice).isEqualTo(LoginNotice.NONE);
        }
        else {
            assertThat(notice.message()).isNotBlank();
            assertThat(notice.query()).startsWith("?");
        }
    }

    @Test
    void noticesWhenReadThenNoneSaysWhichCredentialWasWrong() {
        assertThat(Arrays.stream(LoginNotice.values()).map(LoginNotice::message).filter((m) -> m != null))
            .allSatisfy((message) -> assertThat(message.toLowerCase()).doesNotContain("unknown user",
                    "wrong password", "incorrect password", "no such user", "password is", "username is"));
        assertThat(LoginNotice.FAILED.message()).contains("username and password");
    }

}
