package io.tributary.operator.cluster;

import io.tributary.api.v1alpha1.cluster.RebalanceStatus;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How many broker pods run: the spec's count, except that brokers to be removed keep running until
 * a drain has moved every replica off them (then the StatefulSet shrinks). Pure.
 */
public final class BrokerCount {
    private BrokerCount() {}

    /**
     * @param desired the spec's broker count
     * @param running the broker StatefulSet's replicas now (0 before it exists)
     * @param idBase the node id of the pool's first pod
     * @param rebalance the rebalance in the status, if any
     */
    public static int effective(int desired, int running, int idBase, RebalanceStatus rebalance) {
        if (desired >= running) {
            return desired;
        }
        List<Integer> removed =
                IntStream.range(desired, running).map(o -> o + idBase).boxed().toList();
        boolean drained =
                rebalance != null
                        && RebalanceStatus.REMOVING_BROKERS.equals(rebalance.getState())
                        && rebalance.getDraining().containsAll(removed);
        return drained ? desired : running;
    }
}
