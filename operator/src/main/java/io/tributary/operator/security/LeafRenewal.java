package io.tributary.operator.security;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Decides which certificates signed by a CA must be issued again: all of them when any is due for
 * renewal or was signed by another CA than the one that signs now (they are renewed together, so
 * that the nodes roll once), or only those that are missing or name other DNS names. Pure.
 */
public final class LeafRenewal {
    /**
     * The decision: renew every certificate (with the reason), or issue the listed ones; and the
     * certificates to remove, whose owners are gone.
     */
    public record Plan(Optional<String> renewAll, List<String> issue, List<String> remove) {
        public boolean changes() {
            return renewAll.isPresent() || !issue.isEmpty() || !remove.isEmpty();
        }
    }

    private LeafRenewal() {}

    /**
     * @param existing the certificates held now, by owner (a pod, the operator, a user)
     * @param desired every owner that needs a certificate, with the DNS names it must carry
     */
    public static Plan plan(
            Map<String, X509Certificate> existing,
            Map<String, List<String>> desired,
            X509Certificate signingCa,
            Instant now,
            Duration renewBefore) {
        Instant caNotAfter = signingCa.getNotAfter().toInstant();
        List<String> issue = new ArrayList<>();
        Optional<String> renewAll = Optional.empty();
        for (Map.Entry<String, List<String>> owner : desired.entrySet()) {
            X509Certificate certificate = existing.get(owner.getKey());
            if (certificate == null) {
                issue.add(owner.getKey());
                continue;
            }
            if (renewAll.isEmpty() && !CertificateIssuer.signedBy(certificate, signingCa)) {
                renewAll =
                        Optional.of(
                                "the certificate of "
                                        + owner.getKey()
                                        + " is not signed by the current CA");
            }
            Instant notAfter = certificate.getNotAfter().toInstant();
            if (renewAll.isEmpty() && Renewal.isDue(now, notAfter, renewBefore, caNotAfter)) {
                renewAll =
                        Optional.of(
                                "the certificate of %s expires at %s"
                                        .formatted(owner.getKey(), notAfter));
            }
            if (!new TreeSet<>(dnsNames(certificate)).equals(new TreeSet<>(owner.getValue()))) {
                issue.add(owner.getKey());
            }
        }
        List<String> remove =
                existing.keySet().stream().filter(k -> !desired.containsKey(k)).sorted().toList();
        return new Plan(renewAll, renewAll.isPresent() ? List.of() : issue, remove);
    }

    static List<String> dnsNames(X509Certificate certificate) {
        try {
            var names = certificate.getSubjectAlternativeNames();
            if (names == null) {
                return List.of();
            }
            List<String> dns = new ArrayList<>();
            for (List<?> name : names) {
                if (Integer.valueOf(2).equals(name.get(0))) {
                    dns.add((String) name.get(1));
                }
            }
            return dns;
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }
}
