package io.tributary.sandbox.kubelet;

import java.io.IOException;
import java.lang.instrument.Instrumentation;

/**
 * A Java agent loaded into every JVM the sandbox starts: it waits for end-of-file on standard
 * input, which happens when the sandbox's JVM ends however it ends (even killed with SIGKILL, the
 * kernel closes the pipe), and then exits, so that no broker outlives its sandbox. The exit runs
 * the JVM's shutdown hooks, so Kafka still shuts down in order; a halt follows if it hangs.
 */
public final class ParentWatchdog {
    static final long HALT_AFTER_MILLIS = 30_000;

    private ParentWatchdog() {}

    public static void premain(String arguments, Instrumentation instrumentation) {
        Thread watcher = new Thread(ParentWatchdog::watch, "sandbox-parent-watchdog");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void watch() {
        try {
            while (System.in.read() >= 0) {
                // the sandbox never writes; anything read is ignored
            }
        } catch (IOException e) {
            // a broken pipe means the same as end-of-file
        }
        System.err.println("[sandbox] the sandbox that started this process is gone; stopping");
        Thread halt =
                new Thread(
                        () -> {
                            try {
                                Thread.sleep(HALT_AFTER_MILLIS);
                            } catch (InterruptedException e) {
                                return;
                            }
                            Runtime.getRuntime().halt(137);
                        },
                        "sandbox-halt");
        halt.setDaemon(true);
        halt.start();
        System.exit(143);
    }
}
