package io.tributary.operator.rebalance;

import io.tributary.operator.status.Problem;
import java.util.List;

/** The planner's answer: a plan to reach a balanced assignment, or a refusal that moves nothing. */
public sealed interface RebalancePlan {

    /**
     * The target assignment of every partition (sorted by topic and partition), the changes that
     * reach it (same order; partitions that stay as they are are not listed), their totals, and
     * every broker's load before and after (sorted by id).
     */
    record Planned(
            List<PartitionAssignment> target,
            List<PartitionMove> moves,
            PlanTotals totals,
            List<BrokerLoad> brokers)
            implements RebalancePlan {
        public Planned {
            target = List.copyOf(target);
            moves = List.copyOf(moves);
            brokers = List.copyOf(brokers);
        }

        /** Whether the assignment already meets every goal. */
        public boolean nothingToDo() {
            return moves.isEmpty();
        }
    }

    /**
     * The goals cannot be met: the problem to report (a CamelCase reason and a message), with the
     * topics or brokers it concerns, sorted.
     */
    record Refused(Problem problem, List<String> topics, List<Integer> brokers)
            implements RebalancePlan {
        public Refused {
            topics = List.copyOf(topics);
            brokers = List.copyOf(brokers);
        }
    }
}
