package io.tributary.operator.user;

import io.fabric8.kubernetes.api.model.Secret;
import io.tributary.api.v1alpha1.user.KafkaUser;
import io.tributary.operator.security.CertifiedKey;
import io.tributary.operator.security.Pem;
import io.tributary.operator.security.SecretData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Secret a KafkaUser's clients mount, named after the user: for a SCRAM user the password and a
 * ready {@code sasl.jaas.config} line, for a TLS user its certificate, key and a PKCS12 key store
 * with its password. Passwords are 32 random letters and digits.
 */
public final class UserCredentials {
    public static final String PASSWORD = "password";
    public static final String JAAS = "sasl.jaas.config";
    public static final String CERT = "user.crt";
    public static final String KEY = "user.key";
    public static final String P12 = "user.p12";
    public static final String P12_PASSWORD = "user.password";

    static final int PASSWORD_LENGTH = 32;
    private static final String ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** The label that marks a user's Secret, with the user's name. */
    public static final String USER_LABEL = "kafka.tributary.io/user";

    private final SecureRandom random;

    public UserCredentials(SecureRandom random) {
        this.random = random;
    }

    public String newPassword() {
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    /** The JAAS line a SCRAM client sets as {@code sasl.jaas.config}. */
    public static String jaasConfig(String username, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + escape(username)
                + "\" password=\""
                + escape(password)
                + "\";";
    }

    public static Map<String, String> scramEntries(String username, String password) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(PASSWORD, password);
        entries.put(JAAS, jaasConfig(username, password));
        return entries;
    }

    /**
     * The Secret {@code data} of a TLS user (base64 values, the PKCS12 store binary); the store and
     * its password are kept from {@code previous} when it holds the same certificate, so that an
     * unchanged certificate rewrites nothing.
     */
    public Map<String, String> tlsData(
            String username, CertifiedKey certificate, Optional<Secret> previous) {
        String cert = Pem.certificate(certificate.certificate());
        Map<String, String> data = new LinkedHashMap<>();
        data.put(CERT, SecretData.encode(cert));
        data.put(KEY, SecretData.encode(Pem.privateKey(certificate.key())));
        Optional<Map<String, String>> kept =
                previous.map(Secret::getData)
                        .filter(
                                p ->
                                        SecretData.encode(cert).equals(p.get(CERT))
                                                && p.containsKey(P12)
                                                && p.containsKey(P12_PASSWORD));
        if (kept.isPresent()) {
            data.put(P12, kept.get().get(P12));
            data.put(P12_PASSWORD, kept.get().get(P12_PASSWORD));
        } else {
            String password = newPassword();
            data.put(
                    P12,
                    Base64.getEncoder().encodeToString(pkcs12(username, certificate, password)));
            data.put(P12_PASSWORD, SecretData.encode(password));
        }
        return data;
    }

    /** The Secret {@code data} of a SCRAM user. */
    public static Map<String, String> scramData(String username, String password) {
        Map<String, String> data = new LinkedHashMap<>();
        scramEntries(username, password).forEach((k, v) -> data.put(k, SecretData.encode(v)));
        return data;
    }

    /** The user's Secret, owned by the KafkaUser so that it goes with it. */
    public static Secret secret(KafkaUser user, Map<String, String> base64Data) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/managed-by", "tributary");
        labels.put(USER_LABEL, user.getMetadata().getName());
        Secret secret =
                SecretData.withData(
                        user.getMetadata().getName(),
                        user.getMetadata().getNamespace(),
                        labels,
                        Map.of(),
                        base64Data);
        return SecretData.ownedBy(secret, user);
    }

    /** The user's current certificate and key in its Secret, if readable. */
    public static Optional<CertifiedKey> certificate(Optional<Secret> secret) {
        try {
            return secret.map(SecretData::all)
                    .filter(e -> e.containsKey(CERT) && e.containsKey(KEY))
                    .map(
                            e ->
                                    new CertifiedKey(
                                            Pem.parseCertificate(e.get(CERT)),
                                            Pem.parsePrivateKey(e.get(KEY))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static byte[] pkcs12(String alias, CertifiedKey certificate, String password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(
                    alias,
                    certificate.key(),
                    password.toCharArray(),
                    new Certificate[] {certificate.certificate()});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password.toCharArray());
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot write a PKCS12 key store", e);
        }
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
