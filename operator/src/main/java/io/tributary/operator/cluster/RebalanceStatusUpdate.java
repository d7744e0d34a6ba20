package io.tributary.operator.cluster;

import io.tributary.api.v1alpha1.cluster.RebalanceStatus;
import io.tributary.operator.rebalance.PlanTarget;
import io.tributary.operator.rebalance.RebalancePlan;
import io.tributary.operator.rebalance.RebalanceProgress;
import io.tributary.operator.rebalance.RebalanceTrigger;
import java.time.Instant;

/** Builds {@code status.rebalance} from a plan and from its progress. Pure. */
final class RebalanceStatusUpdate {
    private RebalanceStatusUpdate() {}

    /** A rebalance just planned, in {@code state}, its plan kept in {@code planConfigMap}. */
    static RebalanceStatus planned(
            RebalanceTrigger.Start start,
            RebalancePlan.Planned plan,
            String state,
            String planConfigMap,
            Instant now) {
        RebalanceStatus status = new RebalanceStatus();
        status.setTrigger(start.trigger());
        status.setState(state);
        status.setStartedAt(now.toString());
        status.setBrokers(start.brokers());
        status.setAdded(start.added().stream().sorted().toList());
        status.setDraining(start.draining().stream().sorted().toList());
        status.setPlan(planConfigMap);
        status.setPartitionsTotal(
                plan.totals().partitionsMoved() + plan.totals().partitionsReordered());
        status.setPartitionsDone(0);
        status.setReplicaMovesTotal(plan.totals().replicaMoves());
        status.setReplicaMovesDone(0);
        status.setBytesTotal(plan.totals().bytesToCopy());
        status.setBytesDone(0L);
        status.setLeaderChanges(plan.totals().leaderChanges());
        status.setMessage(
                RebalanceStatus.PROPOSED.equals(state)
                        ? "a dry run: annotate the cluster %s=true to carry it out"
                                .formatted(RebalanceTrigger.ANNOTATION)
                        : "planned");
        return status;
    }

    /** The rebalance after this reconcile's look at its partitions. */
    static RebalanceStatus progressed(RebalanceStatus rebalance, RebalanceProgress progress) {
        RebalanceStatus next = copy(rebalance);
        next.setPartitionsDone(progress.done().size() + progress.dropped().size());
        next.setReplicaMovesDone(progress.copiesDone());
        next.setBytesDone(progress.bytesDone());
        int moving = progress.moving().size() + progress.next().size();
        next.setMessage(
                progress.finished()
                        ? "every partition is at its target"
                        : "moving %d partitions: %s"
                                        .formatted(
                                                moving,
                                                String.join(
                                                        ", ",
                                                        (progress.moving().isEmpty()
                                                                        ? progress.next()
                                                                        : progress.moving())
                                                                .stream()
                                                                        .limit(5)
                                                                        .map(PlanTarget::name)
                                                                        .toList()))
                                + (moving > 5 ? ", ..." : ""));
        return next;
    }

    /** One line for the Rebalancing condition. */
    static String summary(RebalanceStatus rebalance) {
        String what =
                switch (rebalance.getTrigger() == null ? "" : rebalance.getTrigger()) {
                    case RebalanceStatus.SCALE_UP ->
                            "spreading partitions onto brokers " + rebalance.getAdded();
                    case RebalanceStatus.SCALE_DOWN ->
                            "draining brokers " + rebalance.getDraining();
                    default -> "rebalancing over brokers " + rebalance.getBrokers();
                };
        return "%s: %d of %d partitions done, %d of %d replica moves%s"
                .formatted(
                        what,
                        nz(rebalance.getPartitionsDone()),
                        nz(rebalance.getPartitionsTotal()),
                        nz(rebalance.getReplicaMovesDone()),
                        nz(rebalance.getReplicaMovesTotal()),
                        rebalance.getMessage() == null ? "" : "; " + rebalance.getMessage());
    }

    static RebalanceStatus copy(RebalanceStatus rebalance) {
        RebalanceStatus copy = new RebalanceStatus();
        copy.setTrigger(rebalance.getTrigger());
        copy.setState(rebalance.getState());
        copy.setStartedAt(rebalance.getStartedAt());
        copy.setBrokers(rebalance.getBrokers());
        copy.setAdded(rebalance.getAdded());
        copy.setDraining(rebalance.getDraining());
        copy.setPlan(rebalance.getPlan());
        copy.setPartitionsTotal(rebalance.getPartitionsTotal());
        copy.setPartitionsDone(rebalance.getPartitionsDone());
        copy.setReplicaMovesTotal(rebalance.getReplicaMovesTotal());
        copy.setReplicaMovesDone(rebalance.getReplicaMovesDone());
        copy.setBytesTotal(rebalance.getBytesTotal());
        copy.setBytesDone(rebalance.getBytesDone());
        copy.setLeaderChanges(rebalance.getLeaderChanges());
        copy.setMessage(rebalance.getMessage());
        return copy;
    }

    /** The same rebalance in another state. */
    static RebalanceStatus inState(RebalanceStatus rebalance, String state, String message) {
        RebalanceStatus next = copy(rebalance);
        next.setState(state);
        next.setMessage(message);
        return next;
    }

    private static int nz(Integer value) {
        return value == null ? 0 : value;
    }
}
