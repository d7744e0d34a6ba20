package io.tributary.operator.http;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code /healthz} and {@code /readyz} answer. Ready once the operator has started and every
 * informer runs, has synced its cache and is watching; alive unless an informer has stopped for
 * good (a restart of the process is then the cure) or the operator is stopping.
 *
 * @param problems what keeps the operator from being ready or alive, one line each
 */
public record HealthReport(boolean live, boolean ready, List<String> problems) {

    /** An informer's state, as JOSDK reports it. */
    public record InformerState(
            String controller,
            String eventSource,
            String namespace,
            boolean running,
            boolean synced,
            boolean watching) {}

    public HealthReport {
        problems = List.copyOf(problems);
    }

    /** While the informers of a starting operator fill their caches. */
    public static HealthReport starting() {
        return new HealthReport(true, false, List.of("starting: the informers are syncing"));
    }

    /** When the operator is shutting down. */
    public static HealthReport stopping() {
        return new HealthReport(false, false, List.of("stopping"));
    }

    /** The health of a started operator from its informers that are not healthy. */
    public static HealthReport of(List<InformerState> unhealthy) {
        boolean live = true;
        List<String> problems = new ArrayList<>();
        for (InformerState informer : unhealthy) {
            String name =
                    informer.controller()
                            + "/"
                            + informer.eventSource()
                            + (informer.namespace() == null || informer.namespace().isEmpty()
                                    ? ""
                                    : " in " + informer.namespace());
            if (!informer.running()) {
                live = false;
                problems.add(name + ": stopped");
            } else if (!informer.synced()) {
                problems.add(name + ": not synced yet");
            } else if (!informer.watching()) {
                problems.add(name + ": not watching (reconnecting)");
            } else {
                problems.add(name + ": unhealthy");
            }
        }
        return new HealthReport(live, problems.isEmpty(), problems);
    }
}
