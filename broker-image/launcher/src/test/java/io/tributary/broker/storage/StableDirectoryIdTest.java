package io.tributary.broker.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;

/** Derived directory ids are stable, distinct and valid Kafka directory ids. */
class StableDirectoryIdTest {
    private static final String CLUSTER = "MkU3OEVBNTcwNTJENDM2Qk";

    @Test
    void isStable() {
        assertThat(StableDirectoryId.derive(CLUSTER, 3))
                .isEqualTo(StableDirectoryId.derive(CLUSTER, 3));
    }

    @Test
    void differsPerNodeAndPerCluster() {
        Set<String> ids = new HashSet<>();
        for (int node = 0; node < 1000; node++) {
            ids.add(StableDirectoryId.derive(CLUSTER, node));
            ids.add(StableDirectoryId.derive("another-cluster", node));
        }

        assertThat(ids).hasSize(2000);
    }

    @Test
    void isAValidKafkaDirectoryId() {
        for (int node = 0; node < 1000; node++) {
            String id = StableDirectoryId.derive(CLUSTER, node);
            Uuid uuid = Uuid.fromString(id);

            assertThat(id).hasSize(22).doesNotStartWith("-");
            assertThat(uuid.toString()).isEqualTo(id);
            assertThat(uuid.getMostSignificantBits() == 0 && uuid.getLeastSignificantBits() < 100)
                    .isFalse();
        }
    }

    @Test
    void encodesLikeKafkasUuid() {
        Random random = new Random(42);
        for (int i = 0; i < 1000; i++) {
            long most = random.nextLong();
            long least = random.nextLong();

            assertThat(StableDirectoryId.encode(most, least))
                    .isEqualTo(new Uuid(most, least).toString());
        }
    }
}
