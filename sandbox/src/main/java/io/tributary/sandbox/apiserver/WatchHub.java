package io.tributary.sandbox.apiserver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hands every change to the watches of its kind, and keeps a bounded history of changes so that a
 * watch can start from a past resourceVersion; older than the history, it gets 410 Gone.
 *
 * <p>{@link #publish} runs under the store's write lock and {@link #subscribe} under its read lock,
 * so a new watch misses no event and sees none twice.
 */
final class WatchHub {
    private final int capacity;
    private final Deque<WatchEvent> history = new ArrayDeque<>();
    private final Map<String, List<Watcher>> watchers = new ConcurrentHashMap<>();
    private final Map<String, List<ChangeListener>> listeners = new ConcurrentHashMap<>();
    private long evictedUpTo;

    WatchHub(int capacity) {
        this.capacity = capacity;
    }

    void publish(WatchEvent event) {
        history.addLast(event);
        while (history.size() > capacity) {
            evictedUpTo = history.removeFirst().resourceVersion();
        }
        for (Watcher watcher : watchers.getOrDefault(event.object().storageKey(), List.of())) {
            watcher.offer(event);
        }
        for (ChangeListener listener :
                listeners.getOrDefault(event.object().storageKey(), List.of())) {
            listener.changed(event.type().name(), event.object().object());
        }
    }

    /** Adds an in-process listener to the changes under a storage key; returns its removal. */
    Runnable listen(String storageKey, ChangeListener listener) {
        List<ChangeListener> list =
                listeners.computeIfAbsent(storageKey, k -> new CopyOnWriteArrayList<>());
        list.add(listener);
        return () -> list.remove(listener);
    }

    /**
     * Starts a watch after {@code fromResourceVersion}: replays the retained events after it, then
     * streams.
     *
     * @throws ApiError 410 Gone when events after that version were already evicted
     */
    void subscribe(Watcher watcher, long fromResourceVersion) {
        if (fromResourceVersion < evictedUpTo) {
            throw ApiError.gone(fromResourceVersion, evictedUpTo + 1);
        }
        for (WatchEvent event : eventsAfter(fromResourceVersion)) {
            if (event.object().storageKey().equals(watcher.storageKey())) {
                watcher.offer(event);
            }
        }
        add(watcher);
    }

    /** Starts a watch at the current state, with no replay. */
    void add(Watcher watcher) {
        watchers.computeIfAbsent(watcher.storageKey(), k -> new CopyOnWriteArrayList<>())
                .add(watcher);
    }

    void remove(Watcher watcher) {
        List<Watcher> list = watchers.get(watcher.storageKey());
        if (list != null) {
            list.remove(watcher);
        }
    }

    /** Ends every watch (clients reconnect from their last resourceVersion). */
    void disconnectAll() {
        List<Watcher> all = new ArrayList<>();
        watchers.values().forEach(all::addAll);
        all.forEach(Watcher::close);
    }

    int watchCount() {
        return watchers.values().stream().mapToInt(List::size).sum();
    }

    private List<WatchEvent> eventsAfter(long resourceVersion) {
        List<WatchEvent> events = new ArrayList<>();
        var iterator = history.descendingIterator();
        while (iterator.hasNext()) {
            WatchEvent event = iterator.next();
            if (event.resourceVersion() <= resourceVersion) {
                break;
            }
            events.add(event);
        }
        java.util.Collections.reverse(events);
        return events;
    }
}
