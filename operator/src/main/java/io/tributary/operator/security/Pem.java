package io.tributary.operator.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Certificates and private keys as PEM text, as Kafka's PEM key and trust stores and most tools
 * read them. Keys are written as unencrypted PKCS#8 ({@code PRIVATE KEY}); PKCS#1 and SEC1 keys a
 * user brings are read too. Parse errors never quote the input.
 */
public final class Pem {
    private static final Base64.Encoder MIME =
            Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private static final Pattern CERTIFICATE_BLOCK =
            Pattern.compile(
                    "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+)-----END CERTIFICATE-----");

    private Pem() {}

    public static String certificate(X509Certificate certificate) {
        try {
            return block("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode a certificate", e);
        }
    }

    public static String certificates(List<X509Certificate> certificates) {
        StringBuilder pem = new StringBuilder();
        certificates.forEach(c -> pem.append(certificate(c)));
        return pem.toString();
    }

    public static String privateKey(PrivateKey key) {
        return block("PRIVATE KEY", key.getEncoded());
    }

    /** Every certificate in the text, in order; other blocks (a key) are skipped. */
    public static List<X509Certificate> parseCertificates(String pem) {
        Matcher blocks = CERTIFICATE_BLOCK.matcher(pem == null ? "" : pem);
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            while (blocks.find()) {
                byte[] der = Base64.getMimeDecoder().decode(blocks.group(1));
                certificates.add(
                        (X509Certificate)
                                factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid PEM certificate");
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("no PEM certificate found");
        }
        return certificates;
    }

    public static X509Certificate parseCertificate(String pem) {
        return parseCertificates(pem).get(0);
    }

    /** The first private key in the text: PKCS#8, PKCS#1 (RSA) or SEC1 (EC), unencrypted. */
    public static PrivateKey parsePrivateKey(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem == null ? "" : pem))) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (item instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a valid unencrypted PEM private key");
        }
        throw new IllegalArgumentException("no unencrypted PEM private key found");
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN "
                + type
                + "-----\n"
                + MIME.encodeToString(der)
                + "\n-----END "
                + type
                + "-----\n";
    }
}
