package io.tributary.sandbox.kubelet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A Service port as kube-proxy makes it: listens on the Service's address and port, and forwards
 * each connection to one of the ready endpoints, in turn.
 */
final class TcpForwarder implements AutoCloseable {
    private final ServerSocket server;
    private final Supplier<List<InetSocketAddress>> endpoints;
    private final AtomicInteger next = new AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    TcpForwarder(String address, int port, Supplier<List<InetSocketAddress>> endpoints)
            throws IOException {
        this.endpoints = endpoints;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getByName(address), port));
        Thread acceptor = new Thread(this::accept, "sandbox-proxy-" + address + ":" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                forward(client);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void forward(Socket client) {
        List<InetSocketAddress> targets = endpoints.get();
        if (targets.isEmpty()) {
            closeQuietly(client);
            return;
        }
        InetSocketAddress target =
                targets.get(Math.floorMod(next.getAndIncrement(), targets.size()));
        Thread connector =
                new Thread(
                        () -> {
                            Socket upstream = new Socket();
                            try {
                                upstream.connect(target, 5000);
                            } catch (IOException e) {
                                closeQuietly(client);
                                closeQuietly(upstream);
                                return;
                            }
                            open.add(client);
                            open.add(upstream);
                            pump(client, upstream);
                            pump(upstream, client);
                        },
                        "sandbox-proxy-connect");
        connector.setDaemon(true);
        connector.start();
    }

    private void pump(Socket from, Socket to) {
        Thread thread =
                new Thread(
                        () -> {
                            byte[] buffer = new byte[16384];
                            try (InputStream in = from.getInputStream();
                                    OutputStream out = to.getOutputStream()) {
                                int read;
                                while ((read = in.read(buffer)) >= 0) {
                                    out.write(buffer, 0, read);
                                    out.flush();
                                }
                            } catch (IOException e) {
                                // one side closed; close both below
                            } finally {
                                closeQuietly(from);
                                closeQuietly(to);
                                open.remove(from);
                                open.remove(to);
                            }
                        },
                        "sandbox-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        open.forEach(TcpForwarder::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing anyway
        }
    }
}
