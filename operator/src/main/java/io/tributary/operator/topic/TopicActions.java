package io.tributary.operator.topic;

/** Topic actions in words, for events and logs. */
final class TopicActions {
    private TopicActions() {}

    static String reason(TopicAction action) {
        if (action instanceof TopicAction.Create) {
            return "Created";
        }
        if (action instanceof TopicAction.IncreasePartitions) {
            return "PartitionsAdded";
        }
        if (action instanceof TopicAction.AlterConfig) {
            return "ConfigChanged";
        }
        return "ReplicasMoving";
    }

    static String describe(TopicAction action) {
        if (action instanceof TopicAction.Create c) {
            return "created topic %s (partitions %s, replication factor %s)"
                    .formatted(
                            c.topic(),
                            c.partitions().map(String::valueOf).orElse("default"),
                            c.replicationFactor().map(String::valueOf).orElse("default"));
        }
        if (action instanceof TopicAction.IncreasePartitions p) {
            return "partitions of %s from %d to %d".formatted(p.topic(), p.from(), p.total());
        }
        if (action instanceof TopicAction.AlterConfig a) {
            return "config of %s: set %s, removed %s".formatted(a.topic(), a.set(), a.delete());
        }
        TopicAction.Reassign r = (TopicAction.Reassign) action;
        return "replication factor of %s from %d to %d: moving %d partitions"
                .formatted(r.topic(), r.from(), r.to(), r.assignments().size());
    }
}
