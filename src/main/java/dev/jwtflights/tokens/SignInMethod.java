package dev.jwtflights.tokens;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a person proved who they are when their session started, as every access token of that session says it in its
 * {@code amr} claim (RFC 8176, Authentication Method Reference values).
 * <p>
 * A passkey is {@code swk}, proof of possession of a software-secured key, and not {@code hwk}: a passkey may be kept
 * by a password manager and synced between devices, and nothing here attests that it never left a security chip, so
 * the claim says no more than is known.
 */
public enum SignInMethod {

    /** A username and password, on the login page or at the token endpoint. */
    PASSWORD("pwd", "password"),

    /** A passkey (WebAuthn assertion) on the login page. */
    PASSKEY("swk", "passkey");

    private final String amr;

    private final String label;

    SignInMethod(String amr, String label) {
        this.amr = amr;
        this.label = label;
    }

    /** The RFC 8176 value, as written in the {@code amr} claim and the {@code refresh_token.amr} column. */
    public String amr() {
        return this.amr;
    }

    /** The word the pages show: "password" or "passkey". */
    public String label() {
        return this.label;
    }

    /** The method of an {@code amr} value, if it is one of ours. */
    public static Optional<SignInMethod> ofAmr(String amr) {
        return Arrays.stream(values()).filter((method) -> method.amr.equals(amr)).findFirst();
    }

}
