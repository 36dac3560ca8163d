package vn.govqms.kit.db;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The cache's bounds: the least recently read entries go first once the entries or their bytes exceed the limit. */
class NoticedCacheTest {

    /** A channel always listened to whose notices the test sends itself. */
    static final class Channel extends ChangeNotices {
        Consumer<String> changed;

        Channel() {
            super(null, "postgresql://localhost/none", Optional.empty(), Optional.empty());
        }

        @Override
        public synchronized BooleanSupplier listen(String channel, Consumer<String> changed, Runnable forgetAll) {
            this.changed = changed;
            return () -> true;
        }
    }

    @Test
    void theLeastRecentlyReadGoFirstWhenTheBytesExceedTheLimit() {
        Channel channel = new Channel();
        NoticedCache<String, byte[]> cache = new NoticedCache<>(channel, "c", k -> k.isEmpty() ? null : k, 100, v -> v.length, 1_000);
        cache.put("a", new byte[400], cache.epoch());
        cache.put("b", new byte[400], cache.epoch());
        cache.get("a"); // read since: b is now the least recently read
        cache.put("c", new byte[400], cache.epoch());
        assertNull(cache.get("b"));
        assertEquals(400, cache.get("a").length);
        assertEquals(800, cache.weight());
        // a value replaced counts once; a notice forgets its key and its bytes
        cache.put("a", new byte[100], cache.epoch());
        assertEquals(500, cache.weight());
        channel.changed.accept("c");
        assertNull(cache.get("c"));
        assertEquals(100, cache.weight());
        channel.changed.accept("");
        assertEquals(0, cache.weight());
    }

    @Test
    void aValueReadBeforeANoticeIsNotKept() {
        Channel channel = new Channel();
        NoticedCache<String, byte[]> cache = new NoticedCache<>(channel, "c", k -> k.isEmpty() ? null : k, 2);
        long before = cache.epoch();
        channel.changed.accept("x");
        cache.put("x", new byte[] {1}, before);
        assertNull(cache.get("x"));
        cache.put("x", new byte[] {2}, cache.epoch());
        assertArrayEquals(new byte[] {2}, cache.get("x"));
        cache.put("y", new byte[0], cache.epoch());
        cache.put("z", new byte[0], cache.epoch());
        assertNull(cache.get("x"));
    }
}
