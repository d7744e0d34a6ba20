package io.tributary.api.v1alpha1.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import io.tributary.api.v1alpha1.SecretKeyRef;

/** How a user authenticates, and where its password comes from. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "self.type == 'scram-sha-512' || !has(self.passwordSecretRef)",
        fieldPath = ".passwordSecretRef",
        reason = "FieldValueForbidden",
        message = "applies to scram-sha-512 users only; tls users authenticate with a certificate")
public class UserAuthentication {
    @Required
    @JsonPropertyDescription(
            "scram-sha-512 (user name and password, on a listener with scram-sha-512"
                    + " authentication) or tls (a client certificate signed by the clients CA, on"
                    + " a listener with tls authentication).")
    private UserAuthenticationType type;

    @JsonPropertyDescription(
            "Secret key holding the user's password (scram-sha-512 only). When absent the"
                    + " operator generates a password. A change of the Secret is applied.")
    private SecretKeyRef passwordSecretRef;

    public UserAuthenticationType getType() {
        return type;
    }

    public void setType(UserAuthenticationType type) {
        this.type = type;
    }

    public SecretKeyRef getPasswordSecretRef() {
        return passwordSecretRef;
    }

    public void setPasswordSecretRef(SecretKeyRef passwordSecretRef) {
        this.passwordSecretRef = passwordSecretRef;
    }
}
