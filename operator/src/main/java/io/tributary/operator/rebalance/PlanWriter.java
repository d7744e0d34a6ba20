package io.tributary.operator.rebalance;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Turns the planned assignment into the plan: target replica lists (the leader first, the others in
 * their order), the changes against the current assignment, totals and per-broker loads.
 */
final class PlanWriter {
    private final RebalanceRequest request;
    private final List<Broker> brokers;
    private final List<PartitionAssignment> partitions;

    /**
     * @param brokers sorted by id, as the planner indexed them
     * @param partitions sorted by topic and partition, as the planner indexed them
     */
    PlanWriter(
            RebalanceRequest request, List<Broker> brokers, List<PartitionAssignment> partitions) {
        this.request = request;
        this.brokers = brokers;
        this.partitions = partitions;
    }

    RebalancePlan.Planned write(WorkingAssignment work, int[] leaders) {
        List<PartitionAssignment> target = new ArrayList<>(partitions.size());
        List<PartitionMove> moves = new ArrayList<>();
        int[] replicasAfter = new int[brokers.size()];
        int[] leadersAfter = new int[brokers.size()];
        int replicaMoves = 0;
        int moved = 0;
        int reordered = 0;
        int leaderChanges = 0;
        long bytes = 0;
        int unknown = 0;
        for (int p = 0; p < partitions.size(); p++) {
            PartitionAssignment before = partitions.get(p);
            List<Integer> after = new ArrayList<>();
            after.add(brokers.get(leaders[p]).id());
            for (int b : work.replicas(p)) {
                replicasAfter[b]++;
                if (b != leaders[p]) {
                    after.add(brokers.get(b).id());
                }
            }
            leadersAfter[leaders[p]]++;
            target.add(before.withReplicas(after));
            if (after.equals(before.replicas())) {
                continue;
            }
            List<Integer> added =
                    after.stream().filter(b -> !before.replicas().contains(b)).toList();
            List<Integer> removed =
                    before.replicas().stream().filter(b -> !after.contains(b)).toList();
            OptionalLong copy =
                    before.sizeBytes().isPresent()
                            ? OptionalLong.of(before.sizeBytes().getAsLong() * added.size())
                            : OptionalLong.empty();
            PartitionMove move =
                    new PartitionMove(
                            before.topic(),
                            before.partition(),
                            before.replicas(),
                            after,
                            added,
                            removed,
                            copy);
            moves.add(move);
            replicaMoves += added.size();
            if (added.isEmpty()) {
                reordered++;
            } else {
                moved++;
            }
            if (move.leaderChanged()) {
                leaderChanges++;
            }
            if (!added.isEmpty() && copy.isPresent()) {
                bytes += copy.getAsLong();
            } else if (!added.isEmpty()) {
                unknown += added.size();
            }
        }
        PlanTotals totals =
                new PlanTotals(replicaMoves, moved, reordered, leaderChanges, bytes, unknown);
        return new RebalancePlan.Planned(target, moves, totals, loads(replicasAfter, leadersAfter));
    }

    private List<BrokerLoad> loads(int[] replicasAfter, int[] leadersAfter) {
        int[] replicasBefore = new int[brokers.size()];
        int[] leadersBefore = new int[brokers.size()];
        for (PartitionAssignment partition : partitions) {
            for (int i = 0; i < partition.replicas().size(); i++) {
                int b = indexOf(partition.replicas().get(i));
                replicasBefore[b]++;
                if (i == 0) {
                    leadersBefore[b]++;
                }
            }
        }
        List<BrokerLoad> loads = new ArrayList<>(brokers.size());
        for (int b = 0; b < brokers.size(); b++) {
            Broker broker = brokers.get(b);
            loads.add(
                    new BrokerLoad(
                            broker.id(),
                            broker.rack(),
                            request.draining().contains(broker.id()),
                            request.added().contains(broker.id()),
                            replicasBefore[b],
                            replicasAfter[b],
                            leadersBefore[b],
                            leadersAfter[b]));
        }
        return loads;
    }

    private int indexOf(int id) {
        int low = 0;
        int high = brokers.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int cmp = Integer.compare(brokers.get(mid).id(), id);
            if (cmp == 0) {
                return mid;
            }
            if (cmp < 0) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        throw new IllegalStateException("broker " + id + " is not indexed");
    }
}
