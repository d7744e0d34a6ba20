package io.tributary.operator.roll;

import io.tributary.api.v1alpha1.cluster.NodeRole;
import java.util.Optional;
import java.util.Set;

/**
 * One node as the roll planner sees it.
 *
 * @param pod the pod's name
 * @param present whether the pod exists and is not being deleted
 * @param ready whether the pod is ready (and, for a broker, registered)
 * @param restartReason why the node must restart (an out-of-date pod template, a manual roll), or
 *     empty when it need not
 * @param restartedInThisRoll whether the node already restarted in the roll under way
 */
public record NodeState(
        String pod,
        int nodeId,
        Set<NodeRole> roles,
        boolean present,
        boolean ready,
        Optional<String> restartReason,
        boolean restartedInThisRoll,
        Optional<String> rack) {

    public NodeState {
        roles = Set.copyOf(roles);
    }

    public boolean isBroker() {
        return roles.contains(NodeRole.BROKER);
    }

    public boolean isController() {
        return roles.contains(NodeRole.CONTROLLER);
    }

    public boolean needsRestart() {
        return restartReason.isPresent();
    }
}
