package io.tributary.operator.rebalance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How far a plan under way has got, from the partitions as Kafka describes them now: which reached
 * their target, which are moving, which no longer apply (the topic was deleted, or its replication
 * factor changed since the plan was made), and the next batch to start — only once the last batch
 * has finished. Pure.
 *
 * @param done partitions at their target
 * @param dropped partitions the plan no longer applies to
 * @param moving partitions being reassigned now
 * @param next the batch to start now (empty while one is moving)
 */
public record RebalanceProgress(
        List<PlanTarget> done,
        List<PlanTarget> dropped,
        List<PlanTarget> moving,
        List<PlanTarget> pending,
        List<PlanTarget> next) {

    public RebalanceProgress {
        done = List.copyOf(done);
        dropped = List.copyOf(dropped);
        moving = List.copyOf(moving);
        pending = List.copyOf(pending);
        next = List.copyOf(next);
    }

    /**
     * @param current each partition's replicas now, by {@code topic-partition}; a partition that no
     *     longer exists is absent
     * @param reassigning the partitions Kafka is reassigning, by {@code topic-partition}
     */
    public static RebalanceProgress of(
            List<PlanTarget> plan,
            Map<String, List<Integer>> current,
            Set<String> reassigning,
            int batchSize) {
        List<PlanTarget> done = new ArrayList<>();
        List<PlanTarget> dropped = new ArrayList<>();
        List<PlanTarget> moving = new ArrayList<>();
        List<PlanTarget> pending = new ArrayList<>();
        for (PlanTarget target : plan) {
            List<Integer> replicas = current.get(target.name());
            if (reassigning.contains(target.name())) {
                moving.add(target);
            } else if (replicas == null || replicas.size() != target.replicas().size()) {
                dropped.add(target);
            } else if (replicas.equals(target.replicas())) {
                done.add(target);
            } else {
                pending.add(target);
            }
        }
        List<PlanTarget> next =
                moving.isEmpty()
                        ? pending.subList(0, Math.min(batchSize, pending.size()))
                        : List.of();
        return new RebalanceProgress(done, dropped, moving, pending, next);
    }

    public boolean finished() {
        return moving.isEmpty() && pending.isEmpty();
    }

    public int copiesDone() {
        return done.stream().mapToInt(PlanTarget::copies).sum();
    }

    public long bytesDone() {
        return done.stream().mapToLong(t -> Math.max(0, t.bytes())).sum();
    }
}
