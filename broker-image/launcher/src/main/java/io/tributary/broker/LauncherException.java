package io.tributary.broker;

/** A reason the launcher cannot start the broker, worded for the person reading the pod's log. */
public class LauncherException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LauncherException(String message) {
        super(message);
    }

    public LauncherException(String message, Throwable cause) {
        super(message, cause);
    }
}
