package io.tributary.operator.rebalance;

import java.util.Optional;

/** One broker's replica and preferred-leader counts before and after a plan. */
public record BrokerLoad(
        int broker,
        Optional<String> rack,
        boolean draining,
        boolean added,
        int replicasBefore,
        int replicasAfter,
        int leadersBefore,
        int leadersAfter) {}
