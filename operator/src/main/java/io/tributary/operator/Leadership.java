package io.tributary.operator;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this replica leads, from JOSDK's leader election callbacks. Losing the lease while
 * running calls {@code onLost} (the program exits, so that two replicas never reconcile at once);
 * giving it up because the operator stops does not.
 */
final class Leadership {
    private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

    private final AtomicBoolean leading;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Runnable onLost;

    private Leadership(boolean leading, Runnable onLost) {
        this.leading = new AtomicBoolean(leading);
        this.onLost = onLost;
    }

    /** Without leader election this replica always leads. */
    static Leadership always() {
        return new Leadership(true, () -> {});
    }

    /** A replica that leads once it holds the lease. */
    static Leadership elected(Runnable onLost) {
        return new Leadership(false, onLost);
    }

    boolean leading() {
        return leading.get();
    }

    /** The operator stops: giving the lease up is expected from now on. */
    void stopping() {
        stopping.set(true);
    }

    LeaderCallbacks callbacks(String identity) {
        return new LeaderCallbacks(
                () -> {
                    LOG.info("{} leads: reconciling", identity);
                    leading.set(true);
                },
                () -> {
                    leading.set(false);
                    if (!stopping.get()) {
                        LOG.error(
                                "{} lost the lease; exiting so that another replica leads",
                                identity);
                        onLost.run();
                    }
                },
                leader -> LOG.info("The leader is {}", leader));
    }
}
