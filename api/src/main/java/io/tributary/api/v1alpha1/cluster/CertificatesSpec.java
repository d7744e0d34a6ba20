package io.tributary.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.time.Duration;

/**
 * The certificates the operator issues for a cluster with TLS or authentication: how long they are
 * valid, when they are renewed, and optionally the user's own certificate authorities.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "validity",
    "renewBefore",
    "caValidity",
    "caRenewBefore",
    "clusterCaSecret",
    "clientsCaSecret"
})
@ValidationRule(
        value = "duration(self.renewBefore) < duration(self.validity)",
        fieldPath = ".renewBefore",
        reason = "FieldValueInvalid",
        message = "must be shorter than validity, or certificates would be renewed without end")
@ValidationRule(
        value = "duration(self.caRenewBefore) < duration(self.caValidity)",
        fieldPath = ".caRenewBefore",
        reason = "FieldValueInvalid",
        message = "must be shorter than caValidity, or the CA would be renewed without end")
public class CertificatesSpec {
    /** A duration as Kubernetes and cert-manager write them, in one unit: 8760h, 30m, 90s. */
    public static final String DURATION = "^[1-9][0-9]{0,6}(h|m|s)$";

    public static final String DEFAULT_VALIDITY = "8760h";
    public static final String DEFAULT_RENEW_BEFORE = "720h";
    public static final String DEFAULT_CA_VALIDITY = "43800h";
    public static final String DEFAULT_CA_RENEW_BEFORE = "2160h";

    @Default(DEFAULT_VALIDITY)
    @Pattern(DURATION)
    @JsonPropertyDescription(
            "How long the certificates of the nodes, of the operator and of TLS users are valid,"
                    + " as a number and one unit (h, m or s), for example 8760h (a year, the"
                    + " default). Never longer than the CA that signs them.")
    private String validity = DEFAULT_VALIDITY;

    @Default(DEFAULT_RENEW_BEFORE)
    @Pattern(DURATION)
    @JsonPropertyDescription(
            "How long before expiry a certificate is renewed (default 720h, 30 days); renewed"
                    + " node certificates reach the nodes through a safe rolling restart. Shorter"
                    + " than validity.")
    private String renewBefore = DEFAULT_RENEW_BEFORE;

    @Default(DEFAULT_CA_VALIDITY)
    @Pattern(DURATION)
    @JsonPropertyDescription(
            "How long a certificate authority the operator generates is valid (default 43800h,"
                    + " five years).")
    private String caValidity = DEFAULT_CA_VALIDITY;

    @Default(DEFAULT_CA_RENEW_BEFORE)
    @Pattern(DURATION)
    @JsonPropertyDescription(
            "How long before its expiry a generated certificate authority is replaced (default"
                    + " 2160h, 90 days): every node trusts the new CA before any presents a"
                    + " certificate it signed. Shorter than caValidity.")
    private String caRenewBefore = DEFAULT_CA_RENEW_BEFORE;

    @Size(min = 1, max = 253)
    @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
    @JsonPropertyDescription(
            "A Secret of this namespace holding your own cluster CA (keys ca.crt and ca.key, PEM),"
                    + " used instead of a generated one to sign the nodes' certificates. You renew"
                    + " it by replacing the Secret's contents; the operator then moves the nodes to"
                    + " it without breaking trust.")
    private String clusterCaSecret;

    @Size(min = 1, max = 253)
    @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
    @JsonPropertyDescription(
            "A Secret of this namespace holding your own clients CA (keys ca.crt and ca.key, PEM),"
                    + " used instead of a generated one to sign TLS users' certificates.")
    private String clientsCaSecret;

    /** The spec's certificates, or the defaults when it has none. */
    public static CertificatesSpec of(KafkaClusterSpec spec) {
        return spec.getCertificates() == null ? new CertificatesSpec() : spec.getCertificates();
    }

    /** Parses a duration in the form of {@link #DURATION}. */
    public static Duration parse(String field, String value) {
        if (value == null || !value.matches(DURATION)) {
            throw new IllegalArgumentException(
                    field + " must be a number and one unit (h, m or s), got: " + value);
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
            case 'h' -> Duration.ofHours(amount);
            case 'm' -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    public Duration validityDuration() {
        return parse("spec.certificates.validity", validity);
    }

    public Duration renewBeforeDuration() {
        return parse("spec.certificates.renewBefore", renewBefore);
    }

    public Duration caValidityDuration() {
        return parse("spec.certificates.caValidity", caValidity);
    }

    public Duration caRenewBeforeDuration() {
        return parse("spec.certificates.caRenewBefore", caRenewBefore);
    }

    public String getValidity() {
        return validity;
    }

    public void setValidity(String validity) {
        this.validity = validity;
    }

    public String getRenewBefore() {
        return renewBefore;
    }

    public void setRenewBefore(String renewBefore) {
        this.renewBefore = renewBefore;
    }

    public String getCaValidity() {
        return caValidity;
    }

    public void setCaValidity(String caValidity) {
        this.caValidity = caValidity;
    }

    public String getCaRenewBefore() {
        return caRenewBefore;
    }

    public void setCaRenewBefore(String caRenewBefore) {
        this.caRenewBefore = caRenewBefore;
    }

    public String getClusterCaSecret() {
        return clusterCaSecret;
    }

    public void setClusterCaSecret(String clusterCaSecret) {
        this.clusterCaSecret = clusterCaSecret;
    }

    public String getClientsCaSecret() {
        return clientsCaSecret;
    }

    public void setClientsCaSecret(String clientsCaSecret) {
        this.clientsCaSecret = clientsCaSecret;
    }
}
