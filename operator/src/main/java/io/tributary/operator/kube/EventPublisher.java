package io.tributary.operator.kube;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records Kubernetes Events on the resources the operator manages, as {@code kubectl describe}
 * shows them. A repeat of the same event on the same object within ten minutes bumps the count of
 * the existing Event instead of adding one, as the kubelet's recorder does.
 */
public final class EventPublisher {
    public static final String NORMAL = "Normal";
    public static final String WARNING = "Warning";
    static final String COMPONENT = "tributary-operator";
    private static final Duration REPEAT_WINDOW = Duration.ofMinutes(10);
    private static final int REMEMBERED = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);

    private record Key(String uid, String type, String reason, String message) {}

    private record Recorded(String name, String namespace, int count, Instant last) {}

    private final KubernetesClient client;
    private final Clock clock;
    private final Map<Key, Recorded> recent =
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, Recorded> eldest) {
                    return size() > REMEMBERED;
                }
            };

    public EventPublisher(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    public void normal(HasMetadata involved, String reason, String message) {
        publish(involved, NORMAL, reason, message);
    }

    public void warning(HasMetadata involved, String reason, String message) {
        publish(involved, WARNING, reason, message);
    }

    /** Records the event; failures are logged, never thrown, since an event is only a report. */
    public synchronized void publish(
            HasMetadata involved, String type, String reason, String message) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Key key = new Key(involved.getMetadata().getUid(), type, reason, message);
        try {
            Recorded previous = recent.get(key);
            if (previous != null && previous.last().plus(REPEAT_WINDOW).isAfter(now)) {
                int count = previous.count() + 1;
                client.v1()
                        .events()
                        .inNamespace(previous.namespace())
                        .withName(previous.name())
                        .edit(
                                e ->
                                        new EventBuilder(e)
                                                .withCount(count)
                                                .withLastTimestamp(now.toString())
                                                .build());
                recent.put(key, new Recorded(previous.name(), previous.namespace(), count, now));
                return;
            }
            String namespace = involved.getMetadata().getNamespace();
            String name =
                    involved.getMetadata().getName() + "." + Long.toHexString(System.nanoTime());
            Event event =
                    new EventBuilder()
                            .withNewMetadata()
                            .withName(name)
                            .withNamespace(namespace)
                            .endMetadata()
                            .withNewInvolvedObject()
                            .withApiVersion(involved.getApiVersion())
                            .withKind(involved.getKind())
                            .withName(involved.getMetadata().getName())
                            .withNamespace(namespace)
                            .withUid(involved.getMetadata().getUid())
                            .endInvolvedObject()
                            .withType(type)
                            .withReason(reason)
                            .withMessage(message)
                            .withCount(1)
                            .withFirstTimestamp(now.toString())
                            .withLastTimestamp(now.toString())
                            .withNewSource()
                            .withComponent(COMPONENT)
                            .endSource()
                            .withReportingComponent(COMPONENT)
                            .build();
            client.v1().events().inNamespace(namespace).resource(event).create();
            recent.put(key, new Recorded(name, namespace, 1, now));
        } catch (RuntimeException e) {
            LOG.warn(
                    "Could not record event {} on {}: {}",
                    reason,
                    involved.getMetadata().getName(),
                    e.getMessage());
        }
    }
}
