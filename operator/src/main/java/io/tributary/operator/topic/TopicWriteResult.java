package io.tributary.operator.topic;

/**
 * How a write to Kafka went: done; refused by Kafka for what the spec asks (an invalid config
 * value, say), which only a change of the spec fixes; failed for a reason that may pass (brokers
 * unreachable, a timeout), to be tried again; or, for a creation, found the topic there already.
 */
public record TopicWriteResult(
        Outcome outcome, String message, java.util.Optional<Created> created) {

    /** What Kafka said of a topic it created, so that nobody needs to describe it again. */
    public record Created(String topicId, int partitions, int replicationFactor) {}

    public TopicWriteResult(Outcome outcome, String message) {
        this(outcome, message, java.util.Optional.empty());
    }

    public static TopicWriteResult created(Created created) {
        return new TopicWriteResult(Outcome.DONE, "", java.util.Optional.of(created));
    }

    public enum Outcome {
        DONE,
        REFUSED,
        RETRY,
        /** A creation found the topic there already: it is to be described and adopted. */
        EXISTS
    }

    public static final TopicWriteResult DONE = new TopicWriteResult(Outcome.DONE, "");

    public static TopicWriteResult refused(String message) {
        return new TopicWriteResult(Outcome.REFUSED, message);
    }

    public static TopicWriteResult exists(String message) {
        return new TopicWriteResult(Outcome.EXISTS, message);
    }

    public static TopicWriteResult retry(String message) {
        return new TopicWriteResult(Outcome.RETRY, message);
    }

    public boolean done() {
        return outcome == Outcome.DONE;
    }
}
