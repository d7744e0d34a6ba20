package io.tributary.operator.security;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes certificate authorities and the certificates they sign, with BouncyCastle: ECDSA P-256
 * keys, SHA-256 signatures, random 128-bit serial numbers. A certificate never outlives the CA that
 * signs it, and starts a minute in the past so that a clock slightly behind still accepts it.
 */
public final class CertificateIssuer {
    /** What a certificate is for: its extended key usages. */
    public enum Usage {
        /** A node: serves TLS and authenticates to other nodes. */
        SERVER_AND_CLIENT,
        /** A client: authenticates to brokers. */
        CLIENT
    }

    static final Duration BACKDATE = Duration.ofMinutes(1);
    private static final String SIGNATURE = "SHA256withECDSA";

    private final SecureRandom random;

    public CertificateIssuer(SecureRandom random) {
        this.random = random;
    }

    public CertificateIssuer() {
        this(new SecureRandom());
    }

    /** A self-signed certificate authority. */
    public CertifiedKey certificateAuthority(String commonName, Instant now, Duration validity) {
        KeyPair keys = keyPair();
        X500Name subject = new X500Name("O=io.tributary,CN=" + commonName);
        Instant notAfter = now.plus(validity);
        try {
            X509v3CertificateBuilder builder =
                    new JcaX509v3CertificateBuilder(
                            subject,
                            serial(),
                            Date.from(now.minus(BACKDATE)),
                            Date.from(notAfter),
                            subject,
                            keys.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(
                    Extension.subjectKeyIdentifier,
                    false,
                    extensions.createSubjectKeyIdentifier(keys.getPublic()));
            return new CertifiedKey(sign(builder, keys), keys.getPrivate());
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a certificate authority", e);
        }
    }

    /**
     * A certificate signed by the CA, for the subject (an X.500 name such as {@code CN=alice}) and
     * DNS names, valid for {@code validity} or until the CA expires.
     */
    public CertifiedKey issue(
            CertifiedKey ca,
            String subject,
            List<String> dnsNames,
            Usage usage,
            Instant now,
            Duration validity) {
        KeyPair keys = keyPair();
        Instant notAfter = now.plus(validity);
        if (notAfter.isAfter(ca.notAfter())) {
            notAfter = ca.notAfter();
        }
        try {
            X509v3CertificateBuilder builder =
                    new JcaX509v3CertificateBuilder(
                            X500Name.getInstance(
                                    ca.certificate().getSubjectX500Principal().getEncoded()),
                            serial(),
                            Date.from(now.minus(BACKDATE)),
                            Date.from(notAfter),
                            new X500Name(subject),
                            keys.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(
                    Extension.extendedKeyUsage,
                    false,
                    usage == Usage.CLIENT
                            ? new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth)
                            : new ExtendedKeyUsage(
                                    new KeyPurposeId[] {
                                        KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth
                                    }));
            if (!dnsNames.isEmpty()) {
                builder.addExtension(
                        Extension.subjectAlternativeName,
                        false,
                        new GeneralNames(
                                dnsNames.stream()
                                        .map(n -> new GeneralName(GeneralName.dNSName, n))
                                        .toArray(GeneralName[]::new)));
            }
            builder.addExtension(
                    Extension.subjectKeyIdentifier,
                    false,
                    extensions.createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(
                    Extension.authorityKeyIdentifier,
                    false,
                    extensions.createAuthorityKeyIdentifier(ca.certificate()));
            return new CertifiedKey(sign(builder, ca.key(), keys.getPublic()), keys.getPrivate());
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue a certificate for " + subject, e);
        }
    }

    /** Whether the certificate carries a valid signature of the CA. */
    public static boolean signedBy(X509Certificate certificate, X509Certificate ca) {
        if (!certificate.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private X509Certificate sign(X509v3CertificateBuilder builder, KeyPair keys)
            throws GeneralSecurityException {
        return sign(builder, keys.getPrivate(), keys.getPublic());
    }

    private X509Certificate sign(
            X509v3CertificateBuilder builder, java.security.PrivateKey signer, PublicKey subject)
            throws GeneralSecurityException {
        try {
            X509Certificate certificate =
                    new JcaX509CertificateConverter()
                            .getCertificate(
                                    builder.build(
                                            new JcaContentSignerBuilder(SIGNATURE)
                                                    .setSecureRandom(random)
                                                    .build(signer)));
            if (!certificate.getPublicKey().equals(subject)) {
                throw new IllegalStateException("the certificate does not carry its key");
            }
            return certificate;
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign", e);
        }
    }

    private KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 keys are missing from this JVM", e);
        }
    }

    private BigInteger serial() {
        return new BigInteger(128, random).setBit(127);
    }
}
