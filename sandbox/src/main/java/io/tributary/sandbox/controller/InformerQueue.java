package io.tributary.sandbox.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.function.Function;

/** An informer event handler that queues the key an event maps to in a control loop. */
final class InformerQueue<T extends HasMetadata> implements ResourceEventHandler<T> {
    private final ControlLoop loop;
    private final Function<T, String> key;

    InformerQueue(ControlLoop loop, Function<T, String> key) {
        this.loop = loop;
        this.key = key;
    }

    @Override
    public void onAdd(T obj) {
        queue(obj);
    }

    @Override
    public void onUpdate(T oldObj, T newObj) {
        queue(newObj);
    }

    @Override
    public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        queue(obj);
    }

    private void queue(T obj) {
        String k = key.apply(obj);
        if (k != null) {
            loop.enqueue(k);
        }
    }

    /**
     * The key of the object that controls this one (its controller owner), if of the given kind.
     */
    static String controllerKey(HasMetadata obj, String kind) {
        if (obj.getMetadata().getOwnerReferences() == null) {
            return null;
        }
        return obj.getMetadata().getOwnerReferences().stream()
                .filter(o -> Boolean.TRUE.equals(o.getController()) && kind.equals(o.getKind()))
                .map(o -> ControlLoop.key(obj.getMetadata().getNamespace(), o.getName()))
                .findFirst()
                .orElse(null);
    }
}
