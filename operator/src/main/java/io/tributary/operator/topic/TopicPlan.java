package io.tributary.operator.topic;

import io.tributary.operator.status.Problem;
import java.util.List;

/**
 * What to do to a topic: the actions, or the refusals that stop all of them (a refused spec changes
 * nothing), and the drift found in Kafka, for the status.
 */
public record TopicPlan(List<TopicAction> actions, List<Problem> refusals, List<String> drift) {

    public TopicPlan {
        actions = List.copyOf(actions);
        refusals = List.copyOf(refusals);
        drift = List.copyOf(drift);
    }

    public boolean refused() {
        return !refusals.isEmpty();
    }

    public boolean inSync() {
        return actions.isEmpty() && refusals.isEmpty();
    }
}
