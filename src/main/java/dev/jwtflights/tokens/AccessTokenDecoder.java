package dev.jwtflights.tokens;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Component;

/**
 * The bearer side's view of our access tokens: Spring Security's resource server asks this decoder, which asks the
 * {@link TokenService} (jjwt, our rules), so a bearer token is accepted exactly when a token cookie is. A refused
 * token becomes one {@link BadJwtException} with a fixed message (the resource server answers 401
 * {@code invalid_token}); the reason goes to the log only.
 */
@Component
class AccessTokenDecoder implements JwtDecoder {

    private static final Logger log = LoggerFactory.getLogger(AccessTokenDecoder.class);

    private final TokenService tokenService;

    AccessTokenDecoder(TokenService tokenService) {
        this.tokenService = tokenService;
    }

    @Override
    public Jwt decode(String token) {
        AccessToken access;
        try {
            access = this.tokenService.verify(token);
        }
        catch (InvalidTokenException ex) {
            log.info("Bearer token refused: {}", ex.getMessage());
            throw new BadJwtException("The access token is invalid or expired");
        }
        return Jwt.withTokenValue(access.value())
            .header("alg", TokenService.ALGORITHM)
            .subject(access.username())
            .jti(access.id())
            .issuedAt(access.issuedAt())
            .expiresAt(access.expiresAt())
            .claim(TokenService.ROLES_CLAIM, access.roles())
            .claim(TokenService.SESSION_CLAIM, access.sessionId())
            .build();
    }

}
