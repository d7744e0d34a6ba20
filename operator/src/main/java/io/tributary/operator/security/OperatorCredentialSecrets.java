package io.tributary.operator.security;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.Optional;
import java.util.Set;

/**
 * A cache of the operator's credentials Secrets, one per secured cluster, for reconcilers other
 * than the cluster's that talk to its brokers. A change wakes no resource: the next reconcile
 * simply reads the new credentials.
 */
public final class OperatorCredentialSecrets<P extends HasMetadata> {
    private InformerEventSource<Secret, P> source;

    /** The event source to register; JOSDK starts it. */
    public InformerEventSource<Secret, P> create(EventSourceContext<P> context) {
        var configuration =
                InformerEventSourceConfiguration.from(
                                Secret.class, context.getPrimaryResourceClass())
                        .withName("operator-credentials")
                        .withLabelSelector(
                                OperatorIdentity.LABEL + "=" + OperatorIdentity.LABEL_VALUE)
                        .withSecondaryToPrimaryMapper(secret -> Set.of())
                        .build();
        source = new InformerEventSource<>(configuration, context);
        return source;
    }

    /** The Secret of this name in the namespace, if cached. */
    public Optional<Secret> get(String namespace, String name) {
        return source.get(new ResourceID(name, namespace));
    }
}
