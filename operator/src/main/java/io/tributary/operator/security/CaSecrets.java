package io.tributary.operator.security;

import io.fabric8.kubernetes.api.model.Secret;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A CA's state as the operator keeps it in a Secret ({@code ca.crt}/{@code ca.key}, with {@code
 * next.*} or {@code previous.crt} while it is being replaced), and a CA a user brings in a Secret
 * of their own ({@code ca.crt}/{@code ca.key}). Errors name the Secret and never quote its content.
 */
public final class CaSecrets {
    private CaSecrets() {}

    /** The stored state; throws when the Secret is there but unreadable. */
    public static Optional<CaState> read(Optional<Secret> secret) {
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        Secret s = secret.get();
        String name = s.getMetadata().getName();
        CertifiedKey current =
                pair(s, ClusterTls.CA_CERT, ClusterTls.CA_KEY)
                        .orElseThrow(() -> new IllegalStateException(unreadable(name)));
        Optional<CertifiedKey> next = pair(s, ClusterTls.NEXT_CERT, ClusterTls.NEXT_KEY);
        Optional<X509Certificate> previous =
                SecretData.get(s, ClusterTls.PREVIOUS_CERT).map(CaSecrets::certificate);
        return Optional.of(new CaState(current, next, previous));
    }

    /** The Secret's entries for a state. */
    public static Map<String, String> entries(CaState state) {
        Map<String, String> entries = new TreeMap<>();
        entries.put(ClusterTls.CA_CERT, Pem.certificate(state.current().certificate()));
        entries.put(ClusterTls.CA_KEY, Pem.privateKey(state.current().key()));
        state.next()
                .ifPresent(
                        n -> {
                            entries.put(ClusterTls.NEXT_CERT, Pem.certificate(n.certificate()));
                            entries.put(ClusterTls.NEXT_KEY, Pem.privateKey(n.key()));
                        });
        state.previous().ifPresent(p -> entries.put(ClusterTls.PREVIOUS_CERT, Pem.certificate(p)));
        return entries;
    }

    /**
     * A CA a user provides: a CA certificate and the private key that goes with it.
     *
     * @throws IllegalArgumentException with a message naming what is wrong, never the content
     */
    public static CertifiedKey provided(Secret secret) {
        String name = secret.getMetadata().getName();
        String certificate =
                SecretData.get(secret, ClusterTls.CA_CERT)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "Secret "
                                                        + name
                                                        + " has no "
                                                        + ClusterTls.CA_CERT));
        String key =
                SecretData.get(secret, ClusterTls.CA_KEY)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "Secret " + name + " has no " + ClusterTls.CA_KEY));
        X509Certificate cert;
        PrivateKey privateKey;
        try {
            cert = Pem.parseCertificate(certificate);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Secret " + name + ": " + ClusterTls.CA_CERT + " is not a PEM certificate");
        }
        try {
            privateKey = Pem.parsePrivateKey(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Secret "
                            + name
                            + ": "
                            + ClusterTls.CA_KEY
                            + " is not an unencrypted PEM private key");
        }
        if (cert.getBasicConstraints() < 0) {
            throw new IllegalArgumentException(
                    "Secret " + name + ": " + ClusterTls.CA_CERT + " is not a CA certificate");
        }
        if (!matches(cert, privateKey)) {
            throw new IllegalArgumentException(
                    "Secret "
                            + name
                            + ": "
                            + ClusterTls.CA_KEY
                            + " is not the key of the certificate in "
                            + ClusterTls.CA_CERT);
        }
        return new CertifiedKey(cert, privateKey);
    }

    /** Whether the key signs what the certificate's public key verifies. */
    static boolean matches(X509Certificate certificate, PrivateKey key) {
        String algorithm =
                key.getAlgorithm().equals("EC")
                        ? "SHA256withECDSA"
                        : "SHA256with" + key.getAlgorithm();
        try {
            byte[] probe = "tributary".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static X509Certificate certificate(String pem) {
        return Pem.parseCertificate(pem);
    }

    private static Optional<CertifiedKey> pair(Secret s, String certKey, String keyKey) {
        Optional<String> cert = SecretData.get(s, certKey);
        Optional<String> key = SecretData.get(s, keyKey);
        if (cert.isEmpty() || key.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new CertifiedKey(
                            Pem.parseCertificate(cert.get()), Pem.parsePrivateKey(key.get())));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(unreadable(s.getMetadata().getName()));
        }
    }

    private static String unreadable(String secret) {
        return "Secret "
                + secret
                + " does not hold a readable CA certificate and key; delete it to have a new CA"
                + " made (clients must then trust the new one)";
    }
}
