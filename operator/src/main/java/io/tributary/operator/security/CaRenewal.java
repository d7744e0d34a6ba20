package io.tributary.operator.security;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides the next step of a certificate authority's life, one step per reconcile, from what is
 * stored and what the nodes run. Pure. A replacement goes through three phases so that trust is
 * never broken:
 *
 * <ol>
 *   <li>The new CA (generated, or the user's new one) is added to what every node trusts; the nodes
 *       roll onto that trust while the current CA still signs ({@link Step#TRUST_NEXT}).
 *   <li>Once every node runs with both CAs trusted, the new CA signs: certificates are reissued and
 *       the nodes roll onto them, still trusting the old CA ({@link Step#SIGN_WITH_NEXT}).
 *   <li>Once every node runs with the new certificates, the old CA is dropped ({@link
 *       Step#DROP_PREVIOUS}); for a clients CA only when it has expired, since clients'
 *       certificates that it signed stay valid until then.
 * </ol>
 */
public final class CaRenewal {
    /** What to do with a CA in this reconcile. */
    public enum Step {
        /** No CA yet: make one (or take the user's). */
        CREATE,
        /** Nothing to do. */
        KEEP,
        /** Trust a new CA next to the current one (replacing a next CA the user has replaced). */
        TRUST_NEXT,
        /** Sign with the new CA; keep trusting the old one. */
        SIGN_WITH_NEXT,
        /** Stop trusting the old CA. */
        DROP_PREVIOUS
    }

    /** A step and why, for the log and events. */
    public record Decision(Step step, String reason) {}

    /**
     * What the decision reads.
     *
     * @param stored the CA as the operator keeps it, if any
     * @param provided the user's own CA certificate, when the user brings the CA
     * @param renewBefore how long before expiry a generated CA is replaced
     * @param nodesSettled every node runs with the current trust and certificates, and is ready
     * @param keepPreviousUntilExpiry whether the old CA stays trusted until it expires (clients CA)
     */
    public record Input(
            Optional<CaState> stored,
            Optional<X509Certificate> provided,
            Instant now,
            Duration renewBefore,
            boolean nodesSettled,
            boolean keepPreviousUntilExpiry) {}

    private CaRenewal() {}

    public static Decision decide(Input in) {
        if (in.stored().isEmpty()) {
            return new Decision(
                    Step.CREATE, in.provided().isPresent() ? "adopting the user's CA" : "new CA");
        }
        CaState state = in.stored().get();
        return switch (state.phase()) {
            case STEADY -> steady(state, in);
            case TRUSTING_NEXT -> trustingNext(state, in);
            case SIGNING_WITH_NEXT -> signingWithNext(state, in);
        };
    }

    private static Decision steady(CaState state, Input in) {
        if (in.provided().isPresent()) {
            return in.provided().get().equals(state.current().certificate())
                    ? keep()
                    : new Decision(Step.TRUST_NEXT, "the user's CA Secret holds a new CA");
        }
        if (Renewal.isDue(in.now(), state.current().notAfter(), in.renewBefore())) {
            return new Decision(
                    Step.TRUST_NEXT,
                    "the CA expires at " + state.current().notAfter() + ": replacing it");
        }
        return keep();
    }

    private static Decision trustingNext(CaState state, Input in) {
        X509Certificate next = state.next().orElseThrow().certificate();
        if (in.provided().isPresent()
                && !in.provided().get().equals(next)
                && !in.provided().get().equals(state.current().certificate())) {
            return new Decision(Step.TRUST_NEXT, "the user's CA Secret was replaced again");
        }
        if (in.nodesSettled()) {
            return new Decision(
                    Step.SIGN_WITH_NEXT, "every node trusts the new CA: it signs from now on");
        }
        return keep();
    }

    private static Decision signingWithNext(CaState state, Input in) {
        X509Certificate previous = state.previous().orElseThrow();
        if (in.keepPreviousUntilExpiry()) {
            return in.now().isBefore(previous.getNotAfter().toInstant())
                    ? keep()
                    : new Decision(Step.DROP_PREVIOUS, "the old CA has expired");
        }
        return in.nodesSettled()
                ? new Decision(
                        Step.DROP_PREVIOUS,
                        "every node presents a certificate of the new CA: the old one is dropped")
                : keep();
    }

    private static Decision keep() {
        return new Decision(Step.KEEP, "");
    }

    /**
     * The state after a step. {@code replacement} is the new CA for {@link Step#CREATE} and {@link
     * Step#TRUST_NEXT}, and ignored otherwise.
     */
    public static CaState apply(Optional<CaState> stored, Step step, CertifiedKey replacement) {
        return switch (step) {
            case CREATE -> CaState.steady(replacement);
            case KEEP -> stored.orElseThrow();
            case TRUST_NEXT ->
                    new CaState(
                            stored.orElseThrow().current(),
                            Optional.of(replacement),
                            Optional.empty());
            case SIGN_WITH_NEXT ->
                    new CaState(
                            stored.orElseThrow().next().orElseThrow(),
                            Optional.empty(),
                            Optional.of(stored.orElseThrow().current().certificate()));
            case DROP_PREVIOUS -> CaState.steady(stored.orElseThrow().current());
        };
    }

    /** Whether the step needs a new CA: generated, or the user's. */
    public static boolean needsReplacement(Step step) {
        return step == Step.CREATE || step == Step.TRUST_NEXT;
    }
}
