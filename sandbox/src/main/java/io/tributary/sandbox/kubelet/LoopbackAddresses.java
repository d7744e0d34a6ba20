package io.tributary.sandbox.kubelet;

import java.util.HashMap;
import java.util.Map;

/**
 * Hands out loopback addresses, one per pod or Service name for the sandbox's life, so every pod
 * and Service listens on its own address as on a real network: pods from 127.1.0.1, Services from
 * 127.2.0.1. The whole of 127.0.0.0/8 reaches the loopback interface on Linux.
 */
public final class LoopbackAddresses {
    private final Map<String, String> assigned = new HashMap<>();
    private final int secondOctet;
    private int next = 1;

    private LoopbackAddresses(int secondOctet) {
        this.secondOctet = secondOctet;
    }

    public static LoopbackAddresses forPods() {
        return new LoopbackAddresses(1);
    }

    public static LoopbackAddresses forServices() {
        return new LoopbackAddresses(2);
    }

    /** The address of the named object, assigned on first use. */
    public synchronized String addressOf(String key) {
        return assigned.computeIfAbsent(key, k -> format(next++));
    }

    private String format(int index) {
        if (index >= 256 * 254) {
            throw new IllegalStateException("no loopback addresses left");
        }
        return "127." + secondOctet + "." + (index / 254) + "." + (index % 254 + 1);
    }
}
