package io.tributary.operator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DesiredStateApplierTest {
    @Test
    void theHashDoesNotDependOnTheOrderOfAMapsEntries() {
        Map<String, String> oneOrder = new LinkedHashMap<>();
        oneOrder.put("kafka.tributary.io/cluster", "my-cluster");
        oneOrder.put("kafka.tributary.io/pool", "brokers");
        Map<String, String> otherOrder = new LinkedHashMap<>();
        otherOrder.put("kafka.tributary.io/pool", "brokers");
        otherOrder.put("kafka.tributary.io/cluster", "my-cluster");

        assertThat(DesiredStateApplier.hash(service(oneOrder)))
                .isEqualTo(DesiredStateApplier.hash(service(otherOrder)));
    }

    @Test
    void theHashChangesWithTheContentAndIgnoresItsOwnAnnotation() {
        Service service = service(Map.of("a", "1"));
        String before = DesiredStateApplier.hash(service);
        service.getMetadata()
                .setAnnotations(new LinkedHashMap<>(Map.of(DesiredStateApplier.DESIRED_HASH, "x")));

        assertThat(DesiredStateApplier.hash(service)).isEqualTo(before);
        assertThat(DesiredStateApplier.hash(service(Map.of("a", "2")))).isNotEqualTo(before);
    }

    private static Service service(Map<String, String> selector) {
        return new ServiceBuilder()
                .withNewMetadata()
                .withName("my-cluster-brokers")
                .endMetadata()
                .withNewSpec()
                .withSelector(selector)
                .endSpec()
                .build();
    }
}
