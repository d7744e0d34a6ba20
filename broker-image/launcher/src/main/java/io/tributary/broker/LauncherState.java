package io.tributary.broker;

/** The launcher's current phase, shared between the main thread, signal handlers and probes. */
public final class LauncherState {
    private volatile LauncherPhase phase = LauncherPhase.STARTING;

    public LauncherPhase phase() {
        return phase;
    }

    public void running() {
        phase = LauncherPhase.RUNNING;
    }

    public void stopping() {
        if (phase != LauncherPhase.FAILED) {
            phase = LauncherPhase.STOPPING;
        }
    }

    public void failed() {
        phase = LauncherPhase.FAILED;
    }
}
