package dev.jwtflights.passkeys;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.Cookie;

import dev.jwtflights.test.MutableClock;
import dev.jwtflights.test.Sha256;
import dev.jwtflights.test.TestClockConfiguration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticatorAttachment;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInput;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInputs;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ceremonies' options in the shared {@code passkey_ceremony} table: what one store (one instance) saves, another
 * on the same database takes, once; a ceremony that timed out by the clock is refused and purged; only the key's hash
 * is stored; the cookie's attributes; and the cap on how many are kept.
 */
@DataJpaTest
@ImportAutoConfiguration(JacksonAutoConfiguration.class)
@Import({ CeremonyPurge.class, TestClockConfiguration.class })
class CeremonyStoreTests {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private JsonMapper json;

    @Autowired
    private MutableClock clock;

    @Autowired
    private CeremonyPurge purge;

    @Test
    void loadWhenSavedByAnotherInstanceThenTheSameSignInOptions() {
        PublicKeyCredentialRequestOptions options = requestOptions();
        MockHttpServletResponse response = new MockHttpServletResponse();
        signIns().save(new MockHttpServletRequest(), response, options);

        PublicKeyCredentialRequestOptions loaded = signIns().load(answering(response, AuthenticationCeremonies.COOKIE));

        assertThat(loaded).usingRecursiveComparison().isEqualTo(options);
    }

    @Test
    void loadWhenSavedByAnotherInstanceThenTheSameRegistrationOptions() {
        PublicKeyCredentialCreationOptions options = creationOptions();
        MockHttpServletResponse response = new MockHttpServletResponse();
        registrations().save(new MockHttpServletRequest(), response, options);

        PublicKeyCredentialCreationOptions loaded = registrations()
            .load(answering(response, RegistrationCeremonies.COOKIE));

        assertThat(loaded).usingRecursiveComparison().isEqualTo(options);
        assertThat(loaded.getChallenge().getBytes()).isEqualTo(options.getChallenge().getBytes());
    }

    @Test
    void loadWhenAnsweredTwiceOnTwoInstancesThenOnlyTheFirstFindsTheOptions() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        signIns().save(new MockHttpServletRequest(), response, requestOptions());
        AuthenticationCeremonies first = signIns();
        AuthenticationCeremonies second = signIns();

        assertThat(first.load(answering(response, AuthenticationCeremonies.COOKIE))).isNotNull();
        assertThat(second.load(answering(response, AuthenticationCeremonies.COOKIE))).isNull();
        assertThat(first.load(answering(response, AuthenticationCeremonies.COOKIE))).isNull();
        assertThat(rows()).isZero();
    }

    @Test
    void loadWhenTheCeremonyTimedOutThenRefusedAndItsRowGone() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        signIns().save(new MockHttpServletRequest(), response, requestOptions());

        this.clock.advance(CeremonyStore.LIFETIME);

        assertThat(signIns().load(answering(response, AuthenticationCeremonies.COOKIE))).isNull();
        assertThat(rows()).isZero();
    }

    @Test
    void loadWhenJustBeforeTheTimeoutThenFound() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        signIns().save(new MockHttpServletRequest(), response, requestOptions());

        this.clock.advance(CeremonyStore.LIFETIME.minusSeconds(1));

        assertThat(signIns().load(answering(response, AuthenticationCeremonies.COOKIE))).isNotNull();
    }

    @Test
    void loadWhenNoCookieOrAnUnknownKeyOrAnotherKindThenNothing() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        signIns().save(new MockHttpServletRequest(), response, requestOptions());
        MockHttpServletRequest unknown = new MockHttpServletRequest();
        unknown.setCookies(new Cookie(AuthenticationCeremonies.COOKIE, "AAAA"));
        MockHttpServletRequest otherKind = new MockHttpServletRequest();
        otherKind.setCookies(new Cookie(RegistrationCeremonies.COOKIE,
                cookieValue(response, AuthenticationCeremonies.COOKIE)));

        assertThat(signIns().load(new MockHttpServletRequest())).isNull();
        assertThat(signIns().load(unknown)).isNull();
        assertThat(registrations().load(otherKind)).isNull();
        assertThat(rows()).isOne();
    }

    @Test
    void saveWhenOptionsThenOnlyTheKeysHashStoredAndAStrictHttpOnlyCookieForTheLifetime() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        signIns().save(new MockHttpServletRequest(), response, requestOptions());

        String header = response.getHeader("Set-Cookie");
        assertThat(header).startsWith(AuthenticationCeremonies.COOKIE + "=")
            .contains("HttpOnly")
            .contains("SameSite=Strict")
            .contains("Path=/")
            .contains("Max-Age=300")
            .doesNotContain("Secure");
        String key = cookieValue(response, AuthenticationCeremonies.COOKIE);
        assertThat(this.jdbc.queryForObject("SELECT key_hash FROM passkey_ceremony", String.class))
            .isEqualTo(Sha256.hex(key));
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM passkey_ceremony WHERE key_hash = ? "
                + "OR options LIKE ?", Integer.class, key, "%" + key + "%")).isZero();
        assertThat(this.jdbc.queryForObject("SELECT kind FROM passkey_ceremony", String.class)).isEqualTo("SIGN_IN");
    }

    @Test
    void saveWhenOverHttpsThenTheCookieIsSecure() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSecure(true);
        MockHttpServletResponse response = new MockHttpServletResponse();

        registrations().save(request, response, creationOptions());

        assertThat(response.getHeader("Set-Cookie")).contains("Secure");
    }

    @Test
    void saveWhenNullThenTheRequestsCeremonyEndsAndItsCookieIsCleared() {
        MockHttpServletResponse saved = new MockHttpServletResponse();
        signIns().save(new MockHttpServletRequest(), saved, requestOptions());
        MockHttpServletResponse ended = new MockHttpServletResponse();

        signIns().save(answering(saved, AuthenticationCeremonies.COOKIE), ended, null);

        assertThat(rows()).isZero();
        assertThat(ended.getHeader("Set-Cookie")).startsWith(AuthenticationCeremonies.COOKIE + "=;")
            .contains("Max-Age=0");
    }

    @Test
    void saveWhenANewCeremonyStartsThenTheRequestsFormerOneEnds() {
        MockHttpServletResponse first = new MockHttpServletResponse();
        signIns().save(new MockHttpServletRequest(), first, requestOptions());

        signIns().save(answering(first, AuthenticationCeremonies.COOKIE), new MockHttpServletResponse(),
                requestOptions());

        assertThat(rows()).isOne();
        assertThat(signIns().load(answering(first, AuthenticationCeremonies.COOKIE))).isNull();
    }

    @Test
    void saveWhenTheCapIsReachedThenTheExpiredGoFirstThenTheOldest() {
        AuthenticationCeremonies capped = new AuthenticationCeremonies(
                new CeremonyStore(this.jdbc, this.json, this.clock, 2));
        MockHttpServletResponse expired = new MockHttpServletResponse();
        capped.save(new MockHttpServletRequest(), expired, requestOptions());
        this.clock.advance(CeremonyStore.LIFETIME);
        MockHttpServletResponse oldest = new MockHttpServletResponse();
        capped.save(new MockHttpServletRequest(), oldest, requestOptions());
        this.clock.advance(Duration.ofSeconds(1));
        MockHttpServletResponse older = new MockHttpServletResponse();
        capped.save(new MockHttpServletRequest(), older, requestOptions());
        assertThat(rows()).isEqualTo(2);
        this.clock.advance(Duration.ofSeconds(1));

        MockHttpServletResponse newest = new MockHttpServletResponse();
        capped.save(new MockHttpServletRequest(), newest, requestOptions());

        assertThat(rows()).isEqualTo(2);
        assertThat(capped.load(answering(oldest, AuthenticationCeremonies.COOKIE))).isNull();
        assertThat(capped.load(answering(older, AuthenticationCeremonies.COOKIE))).isNotNull();
        assertThat(capped.load(answering(newest, AuthenticationCeremonies.COOKIE))).isNotNull();
    }

    @Test
    void purgeWhenCeremoniesTimedOutThenOnlyTheirRowsDeleted() {
        signIns().save(new MockHttpServletRequest(), new MockHttpServletResponse(), requestOptions());
        registrations().save(new MockHttpServletRequest(), new MockHttpServletResponse(), creationOptions());
        this.clock.advance(CeremonyStore.LIFETIME);
        MockHttpServletResponse live = new MockHttpServletResponse();
        signIns().save(new MockHttpServletRequest(), live, requestOptions());

        assertThat(this.purge.purge()).isEqualTo(2);

        assertThat(this.purge.purge()).isZero();
        assertThat(signIns().load(answering(live, AuthenticationCeremonies.COOKIE))).isNotNull();
    }

    /** A store of its own, as another instance on the same database would have. */
    private AuthenticationCeremonies signIns() {
        return new AuthenticationCeremonies(new CeremonyStore(this.jdbc, this.json, this.clock));
    }

    private RegistrationCeremonies registrations() {
        return new RegistrationCeremonies(new CeremonyStore(this.jdbc, this.json, this.clock));
    }

    private int rows() {
        return this.jdbc.queryForObject("SELECT COUNT(*) FROM passkey_ceremony", Integer.class);
    }

    /** The browser's next request, with the cookie the options' answer set. */
    private static MockHttpServletRequest answering(MockHttpServletResponse response, String cookie) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login/webauthn");
        request.setCookies(new Cookie(cookie, cookieValue(response, cookie)));
        return request;
    }

    private static String cookieValue(MockHttpServletResponse response, String cookie) {
        String header = response.getHeader("Set-Cookie");
        assertThat(header).startsWith(cookie + "=");
        return header.substring(cookie.length() + 1, header.indexOf(';'));
    }

    static PublicKeyCredentialRequestOptions requestOptions() {
        return PublicKeyCredentialRequestOptions.builder()
            .challenge(Bytes.random())
            .timeout(Duration.ofMinutes(5))
            .rpId("localhost")
            .allowCredentials(List.of(PublicKeyCredentialDescriptor.builder()
                .type(PublicKeyCredentialType.PUBLIC_KEY)
                .id(Bytes.random())
                .transports(AuthenticatorTransport.INTERNAL, AuthenticatorTransport.HYBRID)
                .build()))
            .userVerification(UserVerificationRequirement.REQUIRED)
            .build();
    }

    static PublicKeyCredentialCreationOptions creationOptions() {
        return PublicKeyCredentialCreationOptions.builder()
            .rp(PublicKeyCredentialRpEntity.builder().id("localhost").name("jwt-flights").build())
            .user(ImmutablePublicKeyCredentialUserEntity.builder()
                .id(Bytes.random())
                .name("secret")
                .displayName("secret")
                .build())
            .challenge(Bytes.random())
            .pubKeyCredParams(PublicKeyCredentialParameters.EdDSA, PublicKeyCredentialParameters.ES256,
                    PublicKeyCredentialParameters.RS256)
            .timeout(Duration.ofMinutes(5))
            .excludeCredentials(List.of(PublicKeyCredentialDescriptor.builder()
                .type(PublicKeyCredentialType.PUBLIC_KEY)
                .id(Bytes.random())
                .transports(AuthenticatorTransport.USB)
                .build()))
            .authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                .authenticatorAttachment(AuthenticatorAttachment.PLATFORM)
                .residentKey(ResidentKeyRequirement.REQUIRED)
                .userVerification(UserVerificationRequirement.REQUIRED)
                .build())
            .attestation(AttestationConveyancePreference.NONE)
            .extensions(new ImmutableAuthenticationExtensionsClientInputs(
                    ImmutableAuthenticationExtensionsClientInput.credProps))
            .build();
    }

}
