package io.tributary.operator.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which certificates of a CA are issued again, and when all of them are. */
class LeafRenewalTest {
    private static final Instant NOW = CertificateIssuerTest.NOW;
    private static final Duration VALIDITY = Duration.ofDays(90);
    private static final Duration WINDOW = Duration.ofDays(30);
    private static final CertificateIssuer ISSUER = new CertificateIssuer();
    private static final CertifiedKey CA =
            ISSUER.certificateAuthority("ca", NOW, Duration.ofDays(3650));
    private static final List<String> A_NAMES = List.of("a.example");
    private static final X509Certificate A = leaf(CA, A_NAMES);
    private static final X509Certificate B = leaf(CA, List.of("b.example"));

    @Test
    void currentCertificatesAreKept() {
        LeafRenewal.Plan plan = plan(Map.of("a", A, "b", B), NOW);
        assertThat(plan.changes()).isFalse();
    }

    @Test
    void aMissingOneIsIssuedAlone() {
        LeafRenewal.Plan plan = plan(Map.of("a", A), NOW);
        assertThat(plan.renewAll()).isEmpty();
        assertThat(plan.issue()).containsExactly("b");
    }

    @Test
    void oneWithOtherNamesIsIssuedAgainAlone() {
        LeafRenewal.Plan plan = plan(Map.of("a", A, "b", leaf(CA, List.of("old.example"))), NOW);
        assertThat(plan.renewAll()).isEmpty();
        assertThat(plan.issue()).containsExactly("b");
    }

    @Test
    void oneThatIsDueRenewsThemAll() {
        Instant due = NOW.plus(VALIDITY).minus(WINDOW);
        assertThat(plan(Map.of("a", A, "b", B), due.minusSeconds(1)).changes()).isFalse();
        LeafRenewal.Plan plan = plan(Map.of("a", A, "b", B), due);
        assertThat(plan.renewAll()).hasValueSatisfying(r -> assertThat(r).contains("expires at"));
        assertThat(plan.issue()).isEmpty();
    }

    @Test
    void oneSignedByAnotherCaRenewsThemAll() {
        CertifiedKey other = ISSUER.certificateAuthority("ca", NOW, Duration.ofDays(3650));
        LeafRenewal.Plan plan = plan(Map.of("a", A, "b", leaf(other, List.of("b.example"))), NOW);
        assertThat(plan.renewAll())
                .hasValueSatisfying(
                        r -> assertThat(r).contains("b is not signed by the current CA"));
    }

    @Test
    void thoseNoLongerWantedAreRemoved() {
        LeafRenewal.Plan plan =
                LeafRenewal.plan(
                        Map.of("a", A, "b", B),
                        Map.of("a", A_NAMES),
                        CA.certificate(),
                        NOW,
                        WINDOW);
        assertThat(plan.remove()).containsExactly("b");
        assertThat(plan.issue()).isEmpty();
    }

    private static LeafRenewal.Plan plan(Map<String, X509Certificate> existing, Instant now) {
        return LeafRenewal.plan(
                existing,
                Map.of("a", A_NAMES, "b", List.of("b.example")),
                CA.certificate(),
                now,
                WINDOW);
    }

    private static X509Certificate leaf(CertifiedKey ca, List<String> names) {
        return ISSUER.issue(
                        ca,
                        "CN=node",
                        names,
                        CertificateIssuer.Usage.SERVER_AND_CLIENT,
                        NOW,
                        VALIDITY)
                .certificate();
    }
}
