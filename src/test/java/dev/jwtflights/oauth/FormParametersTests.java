package dev.jwtflights.oauth;

import org.junit.jupiter.api.Test;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FormParametersTests {

    @Test
    void getWhenSentOnceThenItsValue() {
        assertThat(new FormParameters(form("username", "secret")).get("username")).isEqualTo("secret");
    }

    @Test
    void getWhenSentEmptyOrNotAtAllThenNull() {
        FormParameters parameters = new FormParameters(form("password", ""));

        assertThat(parameters.get("password")).isNull();
        assertThat(parameters.get("username")).isNull();
    }

    @Test
    void newWhenNoBodyThenNoParameters() {
        assertThat(new FormParameters(null).get("grant_type")).isNull();
    }

    @Test
    void newWhenKnownParameterRepeatedThenInvalidRequestNamingIt() {
        assertThatExceptionOfType(InvalidTokenRequestException.class)
            .isThrownBy(() -> new FormParameters(form("password", "a", "password", "b")))
            .withMessage("'password' must not be sent more than once");
    }

    @Test
    void newWhenUnknownParameterRepeatedThenInvalidRequestWithoutItsName() {
        assertThatExceptionOfType(InvalidTokenRequestException.class)
            .isThrownBy(() -> new FormParameters(form("eyJhbGciOiJIUzI1NiJ9", "a", "eyJhbGciOiJIUzI1NiJ9", "b")))
            .withMessage("A parameter must not be sent more than once");
    }

    private static MultiValueMap<String, String> form(String... namesAndValues) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

}
