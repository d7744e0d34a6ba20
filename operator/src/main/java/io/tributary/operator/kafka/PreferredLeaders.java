package io.tributary.operator.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.ElectionType;
import org.apache.kafka.common.TopicPartition;

/**
 * Moves partition leadership back to each partition's preferred replica (the first in its replica
 * list), as after a roll, when the restarted brokers lead nothing.
 */
public final class PreferredLeaders {
    private final AdminCall call;

    public PreferredLeaders(Duration timeout) {
        this.call = new AdminCall(timeout);
    }

    /** Elects preferred leaders for every partition; returns how many changed leader. */
    public int elect(Admin admin) throws KafkaUnavailableException {
        try {
            Map<TopicPartition, Optional<Throwable>> results =
                    call.get(admin.electLeaders(ElectionType.PREFERRED, null).partitions());
            // A partition already led by its preferred replica answers ElectionNotNeeded.
            return (int) results.values().stream().filter(Optional::isEmpty).count();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while electing leaders", e);
        }
    }
}
