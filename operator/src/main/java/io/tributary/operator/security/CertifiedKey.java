package io.tributary.operator.security;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * A certificate and its private key. Its text form names the certificate's subject and expiry only:
 * the key never reaches a log line or a message.
 */
public record CertifiedKey(X509Certificate certificate, PrivateKey key) {

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    /** The certificate and key as PEM, the key first: a Kafka PEM key store file. */
    public String keyStorePem() {
        return Pem.privateKey(key) + Pem.certificate(certificate);
    }

    @Override
    public String toString() {
        return "CertifiedKey["
                + certificate.getSubjectX500Principal()
                + ", until "
                + notAfter()
                + "]";
    }
}
