package io.tributary.broker.distribution;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Finds ports that are free on every given address, since all pods of a pool share the ports. */
final class FreePorts {
    private FreePorts() {}

    static List<Integer> onAll(List<String> addresses, int count) {
        List<Integer> ports = new ArrayList<>();
        for (int attempt = 0; attempt < 200 && ports.size() < count; attempt++) {
            int port = anyFreePort(addresses.get(0));
            if (!ports.contains(port) && addresses.stream().allMatch(a -> isFree(a, port))) {
                ports.add(port);
            }
        }
        if (ports.size() < count) {
            throw new IllegalStateException("No " + count + " ports free on all of " + addresses);
        }
        return ports;
    }

    private static int anyFreePort(String address) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot bind " + address, e);
        }
    }

    private static boolean isFree(String address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
