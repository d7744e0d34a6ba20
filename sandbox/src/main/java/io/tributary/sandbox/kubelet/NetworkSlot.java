package io.tributary.sandbox.kubelet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The part of 127.0.0.0/8 one sandbox uses, held for its life by a lock file, so that sandboxes
 * running at the same time on one machine (two test runs, a benchmark beside a test) never hand two
 * pods the same address: slot {@code k} gives pods {@code 127.(2k+1).x.y} and Services {@code
 * 127.(2k+2).x.y}. The lock goes with the process, however it ends.
 */
public final class NetworkSlot implements AutoCloseable {
    static final int SLOTS = 127;

    private final int index;
    private final FileChannel channel;
    private final FileLock lock;

    private NetworkSlot(int index, FileChannel channel, FileLock lock) {
        this.index = index;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the first free slot, its lock files kept in {@code lockDirectory}. */
    public static NetworkSlot claim(Path lockDirectory) {
        for (int k = 0; k < SLOTS; k++) {
            Path file = lockDirectory.resolve("tributary-sandbox-network-" + k + ".lock");
            FileChannel channel = null;
            try {
                channel =
                        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return new NetworkSlot(k, channel, lock);
                }
                channel.close();
            } catch (OverlappingFileLockException e) {
                closeQuietly(channel);
            } catch (IOException e) {
                closeQuietly(channel);
                throw new UncheckedIOException("cannot lock " + file, e);
            }
        }
        throw new IllegalStateException("every sandbox network slot is taken");
    }

    /** The slot's number, 0 for the first sandbox on the machine. */
    public int index() {
        return index;
    }

    public LoopbackAddresses pods() {
        return new LoopbackAddresses(2 * index + 1);
    }

    public LoopbackAddresses services() {
        return new LoopbackAddresses(2 * index + 2);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // the channel's close below releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to do
            }
        }
    }
}
