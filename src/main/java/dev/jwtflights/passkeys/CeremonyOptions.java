package dev.jwtflights.passkeys;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticationExtensionsClientInput;
import org.springframework.security.web.webauthn.api.AuthenticationExtensionsClientInputs;
import org.springframework.security.web.webauthn.api.AuthenticatorAttachment;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria.AuthenticatorSelectionCriteriaBuilder;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInput;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInputs;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions.PublicKeyCredentialCreationOptionsBuilder;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions.PublicKeyCredentialRequestOptionsBuilder;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;

/**
 * A ceremony's options as plain values, which the application's Jackson writes to and reads from the
 * {@code passkey_ceremony} table. Spring Security's own Jackson module ({@code WebauthnJacksonModule}) writes the
 * options for the browser but has no way to read them back (its mix-ins for the options only serialize, and the
 * options have no public constructor), so these records keep what it takes to rebuild them: every field of the
 * options, bytes as base64url, and the extension inputs that are booleans (the only kind Spring Security asks for,
 * {@code credProps}). Options with an extension input of another kind are refused rather than rebuilt without it.
 */
final class CeremonyOptions {

    private static final List<UserVerificationRequirement> USER_VERIFICATIONS = List.of(
            UserVerificationRequirement.DISCOURAGED, UserVerificationRequirement.PREFERRED,
            UserVerificationRequirement.REQUIRED);

    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(PublicKeyCredentialParameters.EdDSA,
            PublicKeyCredentialParameters.ES256, PublicKeyCredentialParameters.ES384,
            PublicKeyCredentialParameters.ES512, PublicKeyCredentialParameters.RS256,
            PublicKeyCredentialParameters.RS384, PublicKeyCredentialParameters.RS512,
            PublicKeyCredentialParameters.RS1);

    private CeremonyOptions() {
    }

    /** The options of a registration ({@code navigator.credentials.create()}). */
    record Creation(String rpId, String rpName, String userId, String userName, String userDisplayName,
            String challenge, List<Long> algorithms, Long timeoutMillis, List<Descriptor> excludeCredentials,
            String authenticatorAttachment, String residentKey, String userVerification, String attestation,
            Map<String, Boolean> extensions) {

        static Creation of(PublicKeyCredentialCreationOptions options) {
            AuthenticatorSelectionCriteria selection = options.getAuthenticatorSelection();
            return new Creation(options.getRp().getId(), options.getRp().getName(),
                    options.getUser().getId().toBase64UrlString(), options.getUser().getName(),
                    options.getUser().getDisplayName(), options.getChallenge().toBase64UrlString(),
                    options.getPubKeyCredParams().stream().map((parameters) -> parameters.getAlg().getValue()).toList(),
                    millis(options.getTimeout()), Descriptor.all(options.getExcludeCredentials()),
                    (selection != null && selection.getAuthenticatorAttachment() != null)
                            ? selection.getAuthenticatorAttachment().getValue() : null,
                    (selection != null && selection.getResidentKey() != null) ? selection.getResidentKey().getValue()
                            : null,
                    (selection != null && selection.getUserVerification() != null)
                            ? selection.getUserVerification().getValue() : null,
                    (options.getAttestation() != null) ? options.getAttestation().getValue() : null,
                    inputValues(options.getExtensions()));
        }

        PublicKeyCredentialCreationOptions options() {
            AuthenticatorSelectionCriteriaBuilder selection = AuthenticatorSelectionCriteria.builder();
            if (this.authenticatorAttachment != null) {
                selection.authenticatorAttachment(AuthenticatorAttachment.valueOf(this.authenticatorAttachment));
            }
            if (this.residentKey != null) {
                selection.residentKey(ResidentKeyRequirement.valueOf(this.residentKey));
            }
            if (this.userVerification != null) {
                selection.userVerification(verification(this.userVerification));
            }
            PublicKeyCredentialCreationOptionsBuilder builder = PublicKeyCredentialCreationOptions.builder()
                .rp(PublicKeyCredentialRpEntity.builder().id(this.rpId).name(this.rpName).build())
                .user(ImmutablePublicKeyCredentialUserEntity.builder()
                    .id(Bytes.fromBase64(this.userId))
                    .name(this.userName)
                    .displayName(this.userDisplayName)
                    .build())
                .challenge(Bytes.fromBase64(this.challenge))
                .pubKeyCredParams(this.algorithms.stream().map(CeremonyOptions::algorithm).toList())
                .timeout(duration(this.timeoutMillis))
                .excludeCredentials(Descriptor.options(this.excludeCredentials))
                .authenticatorSelection(selection.build())
                .extensions(inputs(this.extensions));
            if (this.attestation != null) {
                builder.attestation(AttestationConveyancePreference.valueOf(this.attestation));
            }
            return builder.build();
        }

    }

    /** The options of a sign-in ({@code navigator.credentials.get()}). */
    record Request(String challenge, Long timeoutMillis, String rpId, List<Descriptor> allowCredentials,
            String userVerification, Map<String, Boolean> extensions) {

        static Request of(PublicKeyCredentialRequestOptions options) {
            return new Request(options.getChallenge().toBase64UrlString(), millis(options.getTimeout()),
                    options.getRpId(), Descriptor.all(options.getAllowCredentials()),
                    (options.getUserVerification() != null) ? options.getUserVerification().getValue() : null,
                    inputValues(options.getExtensions()));
        }

        PublicKeyCredentialRequestOptions options() {
            PublicKeyCredentialRequestOptionsBuilder builder = PublicKeyCredentialRequestOptions.builder()
                .challenge(Bytes.fromBase64(this.challenge))
                .timeout(duration(this.timeoutMillis))
                .rpId(this.rpId)
                .allowCredentials(Descriptor.options(this.allowCredentials))
                .extensions(inputs(this.extensions));
            if (this.userVerification != null) {
                builder.userVerification(verification(this.userVerification));
            }
            return builder.build();
        }

    }

    /** A credential the options name (to exclude at a registration, or to allow at a sign-in). */
    record Descriptor(String id, List<String> transports) {

        static List<Descriptor> all(List<PublicKeyCredentialDescriptor> descriptors) {
            if (descriptors == null) {
                return List.of();
            }
            return descriptors.stream()
                .map((descriptor) -> new Descriptor(descriptor.getId().toBase64UrlString(),
                        (descriptor.getTransports() != null)
                                ? descriptor.getTransports().stream().map(AuthenticatorTransport::getValue).toList()
                                : List.of()))
                .toList();
        }

        static List<PublicKeyCredentialDescriptor> options(List<Descriptor> descriptors) {
            return descriptors.stream().map(Descriptor::descriptor).toList();
        }

        private PublicKeyCredentialDescriptor descriptor() {
            Set<AuthenticatorTransport> transports = new LinkedHashSet<>();
            this.transports.forEach((transport) -> transports.add(AuthenticatorTransport.valueOf(transport)));
            return PublicKeyCredentialDescriptor.builder()
                .type(PublicKeyCredentialType.PUBLIC_KEY)
                .id(Bytes.fromBase64(this.id))
                .transports(transports)
                .build();
        }

    }

    private static Long millis(Duration timeout) {
        return (timeout != null) ? timeout.toMillis() : null;
    }

    private static Duration duration(Long millis) {
        return (millis != null) ? Duration.ofMillis(millis) : null;
    }

    private static Map<String, Boolean> inputValues(AuthenticationExtensionsClientInputs inputs) {
        Map<String, Boolean> extensions = new LinkedHashMap<>();
        if (inputs == null) {
            return extensions;
        }
        for (AuthenticationExtensionsClientInput<?> input : inputs.getInputs()) {
            if (!(input.getInput() instanceof Boolean value)) {
                throw new IllegalArgumentException("The extension input " + input.getExtensionId()
                        + " is not a boolean: a ceremony with it cannot be kept");
            }
            extensions.put(input.getExtensionId(), value);
        }
        return extensions;
    }

    private static AuthenticationExtensionsClientInputs inputs(Map<String, Boolean> extensions) {
        return new ImmutableAuthenticationExtensionsClientInputs(extensions.entrySet()
            .stream()
            .<AuthenticationExtensionsClientInput>map(
                    (extension) -> new ImmutableAuthenticationExtensionsClientInput<>(extension.getKey(),
                            extension.getValue()))
            .toList());
    }

    private static UserVerificationRequirement verification(String value) {
        return byValue(value, USER_VERIFICATIONS, UserVerificationRequirement::getValue);
    }

    private static PublicKeyCredentialParameters algorithm(long value) {
        return byValue(value, ALGORITHMS, (parameters) -> parameters.getAlg().getValue());
    }

    private static <T, V> T byValue(V value, List<T> known, Function<T, V> valueOf) {
        return known.stream()
            .filter((candidate) -> valueOf.apply(candidate).equals(value))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("Unknown value " + value));
    }

}
