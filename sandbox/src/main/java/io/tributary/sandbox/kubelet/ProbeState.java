package io.tributary.sandbox.kubelet;

import io.fabric8.kubernetes.api.model.Probe;
import java.time.Duration;
import java.time.Instant;

/**
 * The running tally of one probe of one container run: when it is next due, and its consecutive
 * successes and failures against the probe's thresholds.
 */
final class ProbeState {
    private final Probe probe;
    private Instant nextDue;
    private int successes;
    private int failures;
    private boolean passing;
    private volatile boolean running;

    ProbeState(Probe probe, Instant containerStart, boolean initiallyPassing) {
        this.probe = probe;
        this.passing = initiallyPassing;
        this.nextDue = containerStart.plusSeconds(value(probe.getInitialDelaySeconds(), 0));
    }

    boolean isDue(Instant now) {
        return probe != null && !running && !now.isBefore(nextDue);
    }

    Probe probe() {
        return probe;
    }

    void started(Instant now) {
        running = true;
        nextDue = now.plus(Duration.ofSeconds(value(probe.getPeriodSeconds(), 10)));
    }

    /** Records a result; returns whether the probe's verdict changed. */
    synchronized boolean record(boolean success) {
        running = false;
        boolean before = passing;
        if (success) {
            successes++;
            failures = 0;
            if (successes >= value(probe.getSuccessThreshold(), 1)) {
                passing = true;
            }
        } else {
            failures++;
            successes = 0;
            if (failures >= value(probe.getFailureThreshold(), 3)) {
                passing = false;
            }
        }
        return before != passing;
    }

    synchronized boolean passing() {
        return probe == null || passing;
    }

    private static int value(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
