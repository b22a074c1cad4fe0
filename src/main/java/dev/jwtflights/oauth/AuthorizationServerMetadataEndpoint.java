package dev.jwtflights.oauth;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jwtflights.tokens.TokenService;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The authorization server metadata of RFC 8414 at {@value #PATH}, so that clients that discover endpoints find
 * them: the token and revocation endpoints, the grants they take, and that the client does not authenticate
 * ({@code none}: one public, first-party client). The {@code issuer} is {@code app.jwt.issuer}, the same as the
 * tokens' {@code iss} (RFC 9068), and the endpoints' URLs are built on it, never on the request's {@code Host}: strict
 * clients refuse metadata whose issuer differs from the URL they fetched it under (RFC 8414 section 3.3), so a
 * wrong setting shows at once, while a forged header can point nobody elsewhere.
 */
@RestController
class AuthorizationServerMetadataEndpoint {

    static final String PATH = "/.well-known/oauth-authorization-server";

    private final Metadata metadata;

    AuthorizationServerMetadataEndpoint(TokenService tokenService) {
        String issuer = tokenService.issuer();
        this.metadata = new Metadata(issuer, issuer + "/api/auth/token", issuer + "/api/auth/revoke",
                List.of(TokenRequest.PASSWORD, TokenRequest.REFRESH_TOKEN), List.of("none"), List.of("none"),
                List.of(), issuer + "/swagger-ui.html");
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    Metadata metadata() {
        return this.metadata;
    }

    /**
     * The metadata as RFC 8414 section 2 names its fields. {@code response_types_supported} is required there, and
     * empty here: there is no authorization endpoint, as there is no grant that needs one.
     */
    record Metadata(
            String issuer,
            @JsonProperty("token_endpoint") String tokenEndpoint,
            @JsonProperty("revocation_endpoint") String revocationEndpoint,
            @JsonProperty("grant_types_supported") List<String> grantTypesSupported,
            @JsonProperty("token_endpoint_auth_methods_supported") List<String> tokenEndpointAuthMethodsSupported,
            @JsonProperty("revocation_endpoint_auth_methods_supported")
            List<String> revocationEndpointAuthMethodsSupported,
            @JsonProperty("response_types_supported") List<String> responseTypesSupported,
            @JsonProperty("service_documentation") String serviceDocumentation) {
    }

}
