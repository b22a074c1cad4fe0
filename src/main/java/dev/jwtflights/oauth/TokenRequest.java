package dev.jwtflights.oauth;

import dev.jwtflights.system.LogSafe;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code POST /api/auth/token}: a username and password, exchanged for tokens.
 */
@Schema(description = "The credentials of a user", requiredProperties = { "username", "password" })
record TokenRequest(@Schema(example = "secret") String username, @Schema(example = "secret") String password) {

    @Override
    public String toString() {
        return "TokenRequest[username=" + LogSafe.text(this.username) + "]";
    }

}
