package vn.govqms.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * (2) {@code GET /api/v1/documents/{id}} of random loaded documents with their province admin's token at 64 connections,
 * after a 5 s warm-up, against pgbench selecting the document and its current version by a random key on the same database.
 */
final class Reads {

    private final Harness h;
    private final LoadGen gen;

    Reads(Harness h) {
        this.h = h;
        this.gen = new LoadGen(h);
    }

    void run(int seconds) {
        h.db.update("document", "create table bench_key as select row_number() over (order by d.id) as n, d.id, a.province_code "
                + "from controlled_document d join agency a on a.id = d.agency_id where a.code like '%.88.H%'");
        h.db.update("document", "alter table bench_key add primary key (n)");
        List<String> keys = h.db.column("document", "select id || ' ' || province_code from bench_key order by n");
        int n = keys.size();
        // wrk (C, from Debian's packages) when installed: a Java client on the same 2 cores took more CPU than the service
        boolean withWrk = Harness.onPath("wrk");
        LoadGen.Summary service;
        if (withWrk) {
            List<String> lines = new ArrayList<>();
            for (String k : keys) {
                String[] f = k.split(" ");
                lines.add("/api/v1/documents/" + f[0] + " " + h.admin(f[1]));
            }
            URI base = URI.create(h.doc("/"));
            gen.wrk(base, lines, 64, 5);  // warm-up: the JIT compiles the path, as in a service that has been running
            Cpu.Sample c0 = h.cpu.sample();
            service = gen.wrk(base, lines, 64, seconds);
            h.results.note("CPU during the document reads (wrk): " + Cpu.between(c0, h.cpu.sample()));
        } else {
            Supplier<HttpRequest> next = () -> {
                String[] k = keys.get(ThreadLocalRandom.current().nextInt(n)).split(" ");
                return HttpRequest.newBuilder(URI.create(h.doc("/api/v1/documents/" + k[0]))).header("Authorization", "Bearer " + h.admin(k[1])).GET().build();
            };
            gen.closedLoop(64, 5, next);
            service = gen.closedLoop(64, seconds, next).summary();
        }
        LoadGen.Summary pg = gen.pgbench(n, seconds).summary();
        h.results.add(Results.Figure.of("reads.rps", "2 reads", "GET /api/v1/documents/{id}, 64 connections (" + (withWrk ? "wrk, 2 threads" : "java.net.http")
                        + "), " + seconds + " s, of " + n + " documents: throughput", service.throughput(), "req/s")
                .baseline("reads.pgbench.tps", pg.throughput(), "pgbench select-only by key, 64 clients, same table")
                .goal("≥ half the baseline", service.throughput() >= pg.throughput() / 2).note(service.errors() + " errors"));
        h.results.add(Results.Figure.of("reads.p50_ms", "2 reads", "GET /api/v1/documents/{id}: p50", service.p(50), "ms")
                .baseline("reads.pgbench.p50_ms", pg.p(50), "pgbench p50"));
        h.results.add(Results.Figure.of("reads.p99_ms", "2 reads", "GET /api/v1/documents/{id}: p99", service.p(99), "ms")
                .baseline("reads.pgbench.p99_ms", pg.p(99), "pgbench p99").goal("< 20 ms", service.p(99) < 20));
        h.db.update("document", "drop table bench_key");
    }
}
