package dev.jwtflights.oauth;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.jwtflights.test.MutableClock;
import dev.jwtflights.test.TestClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Real OAuth 2.0 client libraries against the running application, with their default settings: the Nimbus OAuth 2.0
 * SDK discovers the endpoints from the RFC 8414 metadata (which it accepts only if the issuer is the URL it fetched
 * it under), signs in with the password grant, refreshes, and revokes (RFC 7009); Spring Security's OAuth 2.0 client
 * discovers them too, after probing for OpenID Connect metadata (a plain 404 here), and refreshes. Their requests are
 * forms, their answers parsed by the libraries themselves. The application runs on a port chosen before it starts, so
 * that its issuer is its real URL.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT)
@Import(TestClockConfiguration.class)
class OAuthClientInteroperabilityIntegrationTests {

    private static final int PORT = freePort();

    private static final String ISSUER = "http://localhost:" + PORT;

    private static final ClientID CLIENT = new ClientID("jwt-flights-cli");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("app.jwt.issuer", () -> ISSUER);
    }

    @Autowired
    private MutableClock clock;

    private AuthorizationServerMetadata metadata;

    @BeforeEach
    void discover() throws Exception {
        this.metadata = AuthorizationServerMetadata.resolve(new Issuer(ISSUER));
    }

    @Test
    void discoveryWhenMetadataReadThenEndpointsAndGrantsOfThisServer() {
        assertThat(this.metadata.getIssuer().getValue()).isEqualTo(ISSUER);
        assertThat(this.metadata.getTokenEndpointURI()).hasToString(ISSUER + "/api/auth/token");
        assertThat(this.metadata.getRevocationEndpointURI()).hasToString(ISSUER + "/api/auth/revoke");
        assertThat(this.metadata.getGrantTypes()).extracting(Object::toString)
            .containsExactly("password", "refresh_token");
        assertThat(this.metadata.getTokenEndpointAuthMethods()).extracting(Object::toString).containsExactly("none");
    }

    @Test
    void discoveryWhenOpenIdConnectMetadataProbedThenPlainNotFound() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ISSUER + "/.well-known/openid-configuration")).build();

        assertThat(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode())
            .isEqualTo(404);
    }

    @Test
    void nimbusWhenSignInCallRefreshAndReplayThenEachAnsweredAsOAuthSays() throws Exception {
        Tokens first = tokens(new ResourceOwnerPasswordCredentialsGrant("secret", new Secret("secret")));
        assertThat(first.getBearerAccessToken().getLifetime()).isEqualTo(60);
        assertThat(reservations(first.getBearerAccessToken().getValue())).isEqualTo(200);

        Tokens second = tokens(new RefreshTokenGrant(first.getRefreshToken()));
        assertThat(second.getRefreshToken()).isNotEqualTo(first.getRefreshToken());
        assertThat(reservations(second.getBearerAccessToken().getValue())).isEqualTo(200);

        this.clock.advance(Duration.ofSeconds(11));
        assertThat(refused(new RefreshTokenGrant(first.getRefreshToken()))).isEqualTo(OAuth2Error.INVALID_GRANT);
        assertThat(refused(new RefreshTokenGrant(second.getRefreshToken())))
            .as("a replay ends the whole session")
            .isEqualTo(OAuth2Error.INVALID_GRANT);
    }

    @Test
    void nimbusWhenRefreshTokenRevokedThenRefused() throws Exception {
        Tokens tokens = tokens(new ResourceOwnerPasswordCredentialsGrant("secret", new Secret("secret")));

        HTTPResponse revoked = new TokenRevocationRequest(this.metadata.getRevocationEndpointURI(), CLIENT,
                tokens.getRefreshToken())
            .toHTTPRequest()
            .send();

        assertThat(revoked.getStatusCode()).isEqualTo(200);
        assertThat(revoked.getBodyAsJSONObject()).isEmpty();
        assertThat(refused(new RefreshTokenGrant(tokens.getRefreshToken()))).isEqualTo(OAuth2Error.INVALID_GRANT);
    }

    @Test
    void nimbusWhenPasswordWrongThenInvalidGrant() throws Exception {
        assertThat(refused(new ResourceOwnerPasswordCredentialsGrant("secret", new Secret("wrong"))))
            .isEqualTo(OAuth2Error.INVALID_GRANT);
    }

    @Test
    void springClientWhenRefreshingThenNewTokensAndAReplayRefused() throws Exception {
        Tokens tokens = tokens(new ResourceOwnerPasswordCredentialsGrant("secret", new Secret("secret")));
        RestClientRefreshTokenTokenResponseClient client = new RestClientRefreshTokenTokenResponseClient();

        OAuth2AccessTokenResponse refreshed = client.getTokenResponse(refreshRequest(tokens));

        assertThat(refreshed.getAccessToken().getTokenType()).isEqualTo(OAuth2AccessToken.TokenType.BEARER);
        assertThat(refreshed.getRefreshToken()).isNotNull();
        assertThat(refreshed.getRefreshToken().getTokenValue()).isNotEqualTo(tokens.getRefreshToken().getValue());
        assertThat(reservations(refreshed.getAccessToken().getTokenValue())).isEqualTo(200);
        this.clock.advance(Duration.ofSeconds(11));
        assertThatExceptionOfType(OAuth2AuthorizationException.class)
            .isThrownBy(() -> client.getTokenResponse(refreshRequest(tokens)))
            .satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_grant"));
    }

    private OAuth2RefreshTokenGrantRequest refreshRequest(Tokens tokens) {
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(ISSUER)
            .registrationId("jwt-flights")
            .clientId(CLIENT.getValue())
            .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
            .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
            .build();
        assertThat(registration.getProviderDetails().getTokenUri()).isEqualTo(ISSUER + "/api/auth/token");
        Instant now = Instant.now();
        OAuth2AccessToken access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
                tokens.getBearerAccessToken().getValue(), now, now.plusSeconds(60));
        return new OAuth2RefreshTokenGrantRequest(registration, access,
                new OAuth2RefreshToken(tokens.getRefreshToken().getValue(), now));
    }

    private Tokens tokens(AuthorizationGrant grant) throws Exception {
        TokenResponse response = TokenResponse.parse(send(grant));
        assertThat(response.indicatesSuccess()).as("token response").isTrue();
        AccessTokenResponse success = response.toSuccessResponse();
        assertThat(success.getTokens().getRefreshToken()).isInstanceOf(RefreshToken.class);
        return success.getTokens();
    }

    private ErrorObject refused(AuthorizationGrant grant) throws Exception {
        TokenResponse response = TokenResponse.parse(send(grant));
        assertThat(response.indicatesSuccess()).isFalse();
        TokenErrorResponse error = response.toErrorResponse();
        return error.getErrorObject();
    }

    private HTTPResponse send(AuthorizationGrant grant) throws IOException {
        return new TokenRequest.Builder(this.metadata.getTokenEndpointURI(), CLIENT, grant).build()
            .toHTTPRequest()
            .send();
    }

    private int reservations(String accessToken) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ISSUER + "/reservation"))
            .header("Authorization", "Bearer " + accessToken)
            .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
