package io.tributary.operator.user;

import io.tributary.api.v1alpha1.user.UserQuotas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.kafka.common.quota.ClientQuotaAlteration;

/**
 * The client quotas a user declares, by Kafka's quota keys, and the operations that make Kafka's
 * match them: changed ones set, ones removed from the spec removed. Pure.
 */
public final class QuotaDiff {
    static final String PRODUCER_BYTE_RATE = "producer_byte_rate";
    static final String CONSUMER_BYTE_RATE = "consumer_byte_rate";
    static final String REQUEST_PERCENTAGE = "request_percentage";
    static final String CONTROLLER_MUTATION_RATE = "controller_mutation_rate";

    private QuotaDiff() {}

    public static Map<String, Double> desired(UserQuotas quotas) {
        Map<String, Double> desired = new LinkedHashMap<>();
        if (quotas == null) {
            return desired;
        }
        if (quotas.getProducerByteRate() != null) {
            desired.put(PRODUCER_BYTE_RATE, quotas.getProducerByteRate().doubleValue());
        }
        if (quotas.getConsumerByteRate() != null) {
            desired.put(CONSUMER_BYTE_RATE, quotas.getConsumerByteRate().doubleValue());
        }
        if (quotas.getRequestPercentage() != null) {
            desired.put(REQUEST_PERCENTAGE, quotas.getRequestPercentage());
        }
        if (quotas.getControllerMutationRate() != null) {
            desired.put(CONTROLLER_MUTATION_RATE, quotas.getControllerMutationRate());
        }
        return desired;
    }

    /** Set for each differing key, remove (value null) for each described key not desired. */
    public static List<ClientQuotaAlteration.Op> operations(
            Map<String, Double> desired, Map<String, Double> described) {
        List<ClientQuotaAlteration.Op> ops = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(desired.keySet());
        keys.addAll(described.keySet());
        for (String key : keys) {
            Double want = desired.get(key);
            if (!Objects.equals(want, described.get(key))) {
                ops.add(new ClientQuotaAlteration.Op(key, want));
            }
        }
        return ops;
    }
}
