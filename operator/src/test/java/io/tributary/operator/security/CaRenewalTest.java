package io.tributary.operator.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.operator.security.CaRenewal.Input;
import io.tributary.operator.security.CaRenewal.Step;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every step of a CA's life: creation, the three phases of a replacement, and the user's own CA.
 */
class CaRenewalTest {
    private static final Instant NOW = CertificateIssuerTest.NOW;
    private static final Duration WINDOW = Duration.ofDays(30);
    private static final CertificateIssuer ISSUER = new CertificateIssuer();
    private static final CertifiedKey OLD =
            ISSUER.certificateAuthority("ca", NOW, Duration.ofDays(365));
    private static final CertifiedKey NEW =
            ISSUER.certificateAuthority("ca", NOW, Duration.ofDays(365));
    private static final CertifiedKey THIRD =
            ISSUER.certificateAuthority("ca", NOW, Duration.ofDays(365));

    private static final CaState STEADY = CaState.steady(OLD);
    private static final CaState TRUSTING = new CaState(OLD, Optional.of(NEW), Optional.empty());
    private static final CaState SIGNING =
            new CaState(NEW, Optional.empty(), Optional.of(OLD.certificate()));

    @Test
    void noCaIsCreatedGeneratedOrTheUsers() {
        assertThat(step(Optional.empty(), Optional.empty(), NOW, false, false))
                .isEqualTo(Step.CREATE);
        assertThat(step(Optional.empty(), Optional.of(NEW.certificate()), NOW, false, false))
                .isEqualTo(Step.CREATE);
        assertThat(CaRenewal.apply(Optional.empty(), Step.CREATE, NEW))
                .isEqualTo(CaState.steady(NEW));
    }

    @Test
    void aGeneratedCaIsKeptUntilItsWindowThenANewOneIsTrustedFirst() {
        Instant windowStart = OLD.notAfter().minus(WINDOW);
        assertThat(
                        step(
                                Optional.of(STEADY),
                                Optional.empty(),
                                windowStart.minusSeconds(1),
                                true,
                                false))
                .isEqualTo(Step.KEEP);
        assertThat(step(Optional.of(STEADY), Optional.empty(), windowStart, false, false))
                .as("due even while nodes roll: trusting a new CA breaks nothing")
                .isEqualTo(Step.TRUST_NEXT);
        CaState trusting = CaRenewal.apply(Optional.of(STEADY), Step.TRUST_NEXT, NEW);
        assertThat(trusting).isEqualTo(TRUSTING);
        assertThat(trusting.phase()).isEqualTo(CaState.Phase.TRUSTING_NEXT);
        assertThat(trusting.trusted()).hasSize(2);
    }

    @Test
    void theNewCaSignsOnlyOnceEveryNodeTrustsIt() {
        assertThat(step(Optional.of(TRUSTING), Optional.empty(), NOW, false, false))
                .isEqualTo(Step.KEEP);
        assertThat(step(Optional.of(TRUSTING), Optional.empty(), NOW, true, false))
                .isEqualTo(Step.SIGN_WITH_NEXT);
        CaState signing = CaRenewal.apply(Optional.of(TRUSTING), Step.SIGN_WITH_NEXT, null);
        assertThat(signing).isEqualTo(SIGNING);
        assertThat(signing.trusted())
                .as("the same trust in both phases, so the switch alone rolls nothing")
                .isEqualTo(TRUSTING.trusted());
    }

    @Test
    void theOldClusterCaIsDroppedOnceEveryNodePresentsTheNewOnesCertificate() {
        assertThat(step(Optional.of(SIGNING), Optional.empty(), NOW, false, false))
                .isEqualTo(Step.KEEP);
        assertThat(step(Optional.of(SIGNING), Optional.empty(), NOW, true, false))
                .isEqualTo(Step.DROP_PREVIOUS);
        assertThat(CaRenewal.apply(Optional.of(SIGNING), Step.DROP_PREVIOUS, null))
                .isEqualTo(CaState.steady(NEW));
    }

    @Test
    void theOldClientsCaStaysTrustedUntilItExpires() {
        Instant expiry = OLD.notAfter();
        assertThat(step(Optional.of(SIGNING), Optional.empty(), expiry.minusSeconds(1), true, true))
                .as("clients may still hold certificates it signed")
                .isEqualTo(Step.KEEP);
        assertThat(step(Optional.of(SIGNING), Optional.empty(), expiry, false, true))
                .isEqualTo(Step.DROP_PREVIOUS);
    }

    @Test
    void theUsersReplacedCaGoesThroughTheSamePhases() {
        assertThat(step(Optional.of(STEADY), Optional.of(OLD.certificate()), NOW, true, false))
                .isEqualTo(Step.KEEP);
        Instant late = OLD.notAfter().minus(Duration.ofDays(1));
        assertThat(step(Optional.of(STEADY), Optional.of(OLD.certificate()), late, true, false))
                .as("the user's CA is never renewed by the operator")
                .isEqualTo(Step.KEEP);
        assertThat(step(Optional.of(STEADY), Optional.of(NEW.certificate()), NOW, false, false))
                .isEqualTo(Step.TRUST_NEXT);
        assertThat(step(Optional.of(TRUSTING), Optional.of(NEW.certificate()), NOW, false, false))
                .isEqualTo(Step.KEEP);
        assertThat(step(Optional.of(TRUSTING), Optional.of(THIRD.certificate()), NOW, true, false))
                .as("replaced again before it signed: trust the latest instead")
                .isEqualTo(Step.TRUST_NEXT);
        assertThat(CaRenewal.apply(Optional.of(TRUSTING), Step.TRUST_NEXT, THIRD).next())
                .contains(THIRD);
        assertThat(step(Optional.of(SIGNING), Optional.of(THIRD.certificate()), NOW, false, false))
                .as("a replacement waits until the one under way is done")
                .isEqualTo(Step.KEEP);
    }

    @Test
    void onlyCreationAndTrustingNeedANewCa() {
        assertThat(CaRenewal.needsReplacement(Step.CREATE)).isTrue();
        assertThat(CaRenewal.needsReplacement(Step.TRUST_NEXT)).isTrue();
        assertThat(CaRenewal.needsReplacement(Step.SIGN_WITH_NEXT)).isFalse();
        assertThat(CaRenewal.needsReplacement(Step.DROP_PREVIOUS)).isFalse();
        assertThat(CaRenewal.needsReplacement(Step.KEEP)).isFalse();
    }

    private static Step step(
            Optional<CaState> stored,
            Optional<X509Certificate> provided,
            Instant now,
            boolean settled,
            boolean keepPrevious) {
        return CaRenewal.decide(new Input(stored, provided, now, WINDOW, settled, keepPrevious))
                .step();
    }
}
