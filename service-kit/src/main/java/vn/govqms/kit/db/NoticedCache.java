package vn.govqms.kit.db;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A bounded in-memory map that forgets an entry when a {@link ChangeNotices} channel names its key, and everything
 * when the channel says so (a key function answering {@code null}) or the notices were interrupted. While the
 * channel is not listened to it holds nothing. A value read from the database is {@link #put} with the
 * {@link #epoch()} taken before the read, and kept only if no notice arrived meanwhile: a change committed during
 * the read is never hidden by what was read before it. Least recently read entries go first beyond the bounds (a
 * number of entries and, where values differ in size, a total weight such as their bytes).
 */
public final class NoticedCache<K, V> {

    private final LinkedHashMap<K, V> entries = new LinkedHashMap<>(64, 0.75f, true);
    private final Function<String, K> keyOf;
    private final int maxEntries;
    private final ToLongFunction<V> weigher;
    private final long maxWeight;
    private final BooleanSupplier live;
    private long epoch;
    private long weight;

    /** {@code keyOf} turns a notice's payload into the key to forget, or {@code null} to forget everything. */
    public NoticedCache(ChangeNotices notices, String channel, Function<String, K> keyOf, int maxEntries) {
        this(notices, channel, keyOf, maxEntries, value -> 0, Long.MAX_VALUE);
    }

    /** Bounded also by the sum of {@code weigher} over the values held (at most {@code maxWeight}). */
    public NoticedCache(ChangeNotices notices, String channel, Function<String, K> keyOf, int maxEntries,
                        ToLongFunction<V> weigher, long maxWeight) {
        this.keyOf = keyOf;
        this.maxEntries = maxEntries;
        this.weigher = weigher;
        this.maxWeight = maxWeight;
        this.live = notices.listen(channel, this::changed, this::forgetAll);
    }

    /** The value held for {@code key}, or {@code null}: then read the database. */
    public V get(K key) {
        // asked outside this cache's lock: the subscriber has a lock of its own and calls back into this cache
        if (!live.getAsBoolean()) {
            return null;
        }
        synchronized (this) {
            return entries.get(key);
        }
    }

    /** Take it before reading what will be {@link #put}. */
    public synchronized long epoch() {
        return epoch;
    }

    /** Keeps {@code value} if nothing changed since {@code epochBefore} was taken and the channel is listened to. */
    public void put(K key, V value, long epochBefore) {
        if (!live.getAsBoolean()) {
            return;
        }
        synchronized (this) {
            if (epoch != epochBefore) {
                return;
            }
            V replaced = entries.put(key, value);
            weight += weigher.applyAsLong(value) - (replaced == null ? 0 : weigher.applyAsLong(replaced));
            Iterator<V> oldest = entries.values().iterator();
            while ((entries.size() > maxEntries || weight > maxWeight) && oldest.hasNext()) {
                weight -= weigher.applyAsLong(oldest.next());
                oldest.remove();
            }
        }
    }

    /** The sum of the weights held. */
    public synchronized long weight() {
        return weight;
    }

    private synchronized void changed(String payload) {
        epoch++;
        K key = keyOf.apply(payload);
        if (key == null) {
            entries.clear();
            weight = 0;
        } else {
            V removed = entries.remove(key);
            weight -= removed == null ? 0 : weigher.applyAsLong(removed);
        }
    }

    private synchronized void forgetAll() {
        epoch++;
        entries.clear();
        weight = 0;
    }
}
