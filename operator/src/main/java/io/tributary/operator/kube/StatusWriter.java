package io.tributary.operator.kube;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.function.BiConsumer;

/**
 * Writes the status a reconcile asked to patch, if it differs from the one the reconcile started
 * from, as one JSON Patch that replaces the whole status, and hands the written resource to JOSDK's
 * cache. Reconcilers return {@link UpdateControl#patchStatus} whenever they have reconciled the
 * status; whether that is a write is decided here, once.
 *
 * <p>JOSDK's own status patch copies the resource and computes a JSON diff between the copies,
 * which with thousands of KafkaTopics was a sixth of the operator's CPU; the status a reconcile
 * writes is the whole truth anyway, so it replaces the stored one instead of being diffed against
 * it (a diff against a stale cache could also name paths the stored status no longer has).
 */
public final class StatusWriter {
    private StatusWriter() {}

    /** The status before reconciling, to give {@link #carryOut} afterwards: "" for none. */
    public static String before(Object status) {
        return status == null ? "" : Serialization.asJson(status);
    }

    /**
     * Carries out a reconcile's {@link UpdateControl#patchStatus} this way when the status is not
     * {@code before} any more, keeping the reschedule either way; any other control is returned as
     * it is.
     */
    public static <R extends CustomResource<?, ?>> UpdateControl<R> carryOut(
            UpdateControl<R> control, String before, Context<R> context) {
        return carryOut(
                control,
                before,
                context.getClient(),
                (written, original) ->
                        // So that a reconcile before the watch brings the change sees it already.
                        context.eventSourceRetriever()
                                .getControllerEventSource()
                                .handleRecentResourceUpdate(
                                        ResourceID.fromResource(original), written, original));
    }

    /** The same, telling {@code cache} the written resource and the one it replaces. */
    static <R extends CustomResource<?, ?>> UpdateControl<R> carryOut(
            UpdateControl<R> control,
            String before,
            KubernetesClient client,
            BiConsumer<R, R> cache) {
        if (!control.isPatchStatus()) {
            return control;
        }
        R resource = control.getResource().orElseThrow();
        String status = Serialization.asJson(resource.getStatus());
        if (!status.equals(before)) {
            String patch = "[{\"op\":\"add\",\"path\":\"/status\",\"value\":" + status + "}]";
            R written =
                    client.resource(resource)
                            .subresource("status")
                            .patch(PatchContext.of(PatchType.JSON), patch);
            cache.accept(written, resource);
        }
        UpdateControl<R> done = UpdateControl.noUpdate();
        control.getScheduleDelay().ifPresent(done::rescheduleAfter);
        return done;
    }
}
