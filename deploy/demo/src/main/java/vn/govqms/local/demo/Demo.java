package vn.govqms.local.demo;

import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What every part of the load shares: where the services are, tokens, the HTTP client, a pool of
 * parallel calls and the tally of what was created and what was found already.
 */
final class Demo implements AutoCloseable {

    /** One base URL per service. */
    record Urls(String document, String audit, String scoring, String notification) {

        /** The local run's ports. */
        static Urls local() {
            return onHost("http://127.0.0.1");
        }

        /** The four services on one host at their usual ports 8081..8084. */
        static Urls onHost(String base) {
            URI u = URI.create(base);
            String host = u.getScheme() + "://" + u.getHost();
            return new Urls(host + ":8081", host + ":8082", host + ":8083", host + ":8084");
        }
    }

    private static final String POOL_THREAD = "demo-call-";

    final Urls urls;
    final Rest rest = new Rest();
    final Tokens tokens;
    final PrintStream out;
    private final ExecutorService pool;
    private final Map<String, int[]> tally = new TreeMap<>();
    private final Map<String, Agencies.Agency> notes = new ConcurrentSkipListMap<>();

    Demo(Urls urls, Tokens tokens, int parallelism, PrintStream out) {
        this.urls = urls;
        this.tokens = tokens;
        this.out = out;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, POOL_THREAD + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(parallelism, threads);
    }

    String doc(String path) {
        return urls.document() + path;
    }

    String audit(String path) {
        return urls.audit() + path;
    }

    String scoring(String path) {
        return urls.scoring() + path;
    }

    String notify(String path) {
        return urls.notification() + path;
    }

    /** Central bodies' province code: no province, each ministry the root of its own tree. */
    static final String CENTRAL = "00";

    /** Bộ Khoa học và Công nghệ: the national registers, the ministries themselves, province mergers; reads everything. */
    String national() {
        return tokens.get("national-admin", null, null);
    }

    /** The steering committee's role (Sở KH&CN) in a province. */
    String admin(String province) {
        if (CENTRAL.equals(province)) {
            throw new IllegalArgumentException("no province-admin for central bodies: national() or ministryAdmin(rootId)");
        }
        return tokens.get("province-admin", province, null);
    }

    /** A ministry's steering committee: its root agency and the units under it. */
    String ministryAdmin(String rootId) {
        return tokens.get("ministry-admin", null, rootId);
    }

    /**
     * An agency role (agency-head, iso-officer, auditor, viewer) at one agency: its {@code agency_id}, and the
     * agency's province as {@code province_code} unless it is a central body.
     */
    String official(String role, String province, String agencyId) {
        if (agencyId == null) {
            throw new IllegalArgumentException(role + " without an agency");
        }
        return tokens.get(role, CENTRAL.equals(province) ? null : province, agencyId);
    }

    String official(String role, Agencies.Agency agency) {
        return official(role, agency.province(), agency.id());
    }

    /** A province's one-stop system. */
    String integration(String province) {
        return tokens.get("integration", province, null);
    }

    /** Counts one thing of a kind: created now, or found from an earlier load. */
    void count(String kind, boolean created) {
        count(kind, created, 1);
    }

    void count(String kind, boolean created, int n) {
        synchronized (tally) {
            tally.computeIfAbsent(kind, k -> new int[2])[created ? 0 : 1] += n;
        }
    }

    /** An agency worth showing in the summary (curl examples). */
    void note(String label, Agencies.Agency agency) {
        notes.put(label, agency);
    }

    Map<String, Agencies.Agency> notes() {
        return notes;
    }

    /** kind → {created, found}. */
    Map<String, int[]> tally() {
        synchronized (tally) {
            Map<String, int[]> copy = new TreeMap<>();
            tally.forEach((k, v) -> copy.put(k, v.clone()));
            return copy;
        }
    }

    <T> void each(Collection<T> items, Consumer<T> fn) {
        map(items, x -> {
            fn.accept(x);
            return null;
        });
    }

    /**
     * Applies {@code fn} to every item on the pool and waits for all; the first failure is rethrown.
     * Called from a pool thread it runs inline, so nested calls cannot starve the pool.
     */
    <T, R> List<R> map(Collection<T> items, Function<T, R> fn) {
        if (Thread.currentThread().getName().startsWith(POOL_THREAD)) {
            return items.stream().map(fn).toList();
        }
        List<Future<R>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(pool.submit(() -> fn.apply(item)));
        }
        List<R> results = new ArrayList<>();
        RuntimeException failure = null;
        for (Future<R> f : futures) {
            try {
                results.add(f.get());
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }

    /** Waits a little between two polls of something another service learns from events. */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
