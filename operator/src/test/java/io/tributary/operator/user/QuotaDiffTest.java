package io.tributary.operator.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.v1alpha1.user.UserQuotas;
import java.util.Map;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.junit.jupiter.api.Test;

/** A user's quotas by Kafka's keys, and the operations that make Kafka's match. */
class QuotaDiffTest {

    @Test
    void everyDeclaredQuotaHasItsKafkaKey() {
        UserQuotas quotas = new UserQuotas();
        quotas.setProducerByteRate(1024L);
        quotas.setConsumerByteRate(2048L);
        quotas.setRequestPercentage(50.0);
        quotas.setControllerMutationRate(10.0);
        assertThat(QuotaDiff.desired(quotas))
                .containsExactly(
                        Map.entry("producer_byte_rate", 1024.0),
                        Map.entry("consumer_byte_rate", 2048.0),
                        Map.entry("request_percentage", 50.0),
                        Map.entry("controller_mutation_rate", 10.0));
        assertThat(QuotaDiff.desired(null)).isEmpty();
        assertThat(QuotaDiff.desired(new UserQuotas())).isEmpty();
    }

    @Test
    void newAndChangedQuotasAreSetAndRemovedOnesRemoved() {
        assertThat(
                        QuotaDiff.operations(
                                Map.of("producer_byte_rate", 2048.0, "request_percentage", 50.0),
                                Map.of("producer_byte_rate", 1024.0, "consumer_byte_rate", 4096.0)))
                .containsExactly(
                        new ClientQuotaAlteration.Op("consumer_byte_rate", null),
                        new ClientQuotaAlteration.Op("producer_byte_rate", 2048.0),
                        new ClientQuotaAlteration.Op("request_percentage", 50.0));
    }

    @Test
    void quotasAsDeclaredNeedNothing() {
        assertThat(
                        QuotaDiff.operations(
                                Map.of("producer_byte_rate", 1024.0),
                                Map.of("producer_byte_rate", 1024.0)))
                .isEmpty();
        assertThat(QuotaDiff.operations(Map.of(), Map.of())).isEmpty();
    }
}
