package dev.jwtflights.oauth;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The parameters of an {@code application/x-www-form-urlencoded} token request, read as RFC 6749 section 3.1 says:
 * none may appear twice, and one sent without a value counts as not sent.
 */
final class FormParameters {

    /** The parameters the token endpoints know: only these are named in an error description. */
    private static final Set<String> KNOWN = Set.of("grant_type", "username", "password", "refresh_token", "token",
            "token_type_hint", "client_id", "client_secret", "scope");

    private final MultiValueMap<String, String> form;

    /** @param form the parameters, or {@code null} for an empty body */
    FormParameters(MultiValueMap<String, String> form) {
        if (form == null) {
            form = new LinkedMultiValueMap<>();
        }
        for (Map.Entry<String, List<String>> parameter : form.entrySet()) {
            if (parameter.getValue().size() > 1) {
                String name = parameter.getKey();
                throw new InvalidTokenRequestException(
                        (KNOWN.contains(name) ? "'" + name + "'" : "A parameter") + " must not be sent more than once");
            }
        }
        this.form = form;
    }

    /** The parameter's value, or {@code null} if it was not sent or sent empty. */
    String get(String name) {
        String value = this.form.getFirst(name);
        return (value == null || value.isEmpty()) ? null : value;
    }

}
