package io.tributary.operator.security;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A certificate authority as the operator keeps it, with where a replacement stands: the CA that
 * signs ({@code current}), a new CA every node is being taught to trust before it signs ({@code
 * next}), or the CA that signed before and is still trusted while the nodes move off it ({@code
 * previous}). At most one of {@code next} and {@code previous} is present.
 */
public record CaState(
        CertifiedKey current, Optional<CertifiedKey> next, Optional<X509Certificate> previous) {

    /** Where a CA replacement stands. */
    public enum Phase {
        /** One CA, trusted and signing. */
        STEADY,
        /** A new CA is trusted next to the current one, which still signs. */
        TRUSTING_NEXT,
        /** The new CA signs; the one before is still trusted. */
        SIGNING_WITH_NEXT
    }

    public CaState {
        if (next.isPresent() && previous.isPresent()) {
            throw new IllegalArgumentException("a CA cannot have both a next and a previous");
        }
    }

    public static CaState steady(CertifiedKey current) {
        return new CaState(current, Optional.empty(), Optional.empty());
    }

    public Phase phase() {
        if (next.isPresent()) {
            return Phase.TRUSTING_NEXT;
        }
        return previous.isPresent() ? Phase.SIGNING_WITH_NEXT : Phase.STEADY;
    }

    /**
     * Every CA certificate to trust, oldest first, so that the list is the same whether the new CA
     * is still next or already current.
     */
    public List<X509Certificate> trusted() {
        List<X509Certificate> trusted = new ArrayList<>();
        trusted.add(current.certificate());
        next.ifPresent(n -> trusted.add(n.certificate()));
        previous.ifPresent(trusted::add);
        trusted.sort(
                Comparator.comparing((X509Certificate c) -> c.getNotBefore())
                        .thenComparing(c -> c.getSerialNumber()));
        return trusted;
    }

    /** The trusted certificates as one PEM bundle, as clients and brokers read it. */
    public String trustedPem() {
        return Pem.certificates(trusted());
    }
}
