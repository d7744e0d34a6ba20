package io.tributary.sandbox.kubelet;

import java.util.HashMap;
import java.util.Map;

/**
 * Hands out loopback addresses, one per pod or Service name for the sandbox's life, so every pod
 * and Service listens on its own address as on a real network, in the range of the sandbox's {@link
 * NetworkSlot} (127.1.0.2 and on for the pods of the first sandbox on the machine, 127.2.0.2 and on
 * for its Services). The whole of 127.0.0.0/8 reaches the loopback interface on Linux.
 */
public final class LoopbackAddresses {
    private final Map<String, String> assigned = new HashMap<>();
    private final int secondOctet;
    private int next = 1;

    LoopbackAddresses(int secondOctet) {
        if (secondOctet < 1 || secondOctet > 254) {
            throw new IllegalArgumentException("second octet out of range: " + secondOctet);
        }
        this.secondOctet = secondOctet;
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
