package vn.govqms.local.demo;

import vn.govqms.local.JwtKeys;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Loads the seeds' world into a running GovQMS through the services' public REST APIs only: the legal
 * documents the seeds cite, Bắc Giang's 48 agencies with their 2014 scores, a few departments of the former
 * Bắc Ninh, the merger of both provinces and of their agencies into the new Bắc Ninh in 2025, Ninh Bình's 2021 inspection of 40 agencies, huyện Điện Biên's 15 communes and their 2018
 * plans, the Thái Nguyên Ethnic Minorities Board's documented system, the Ministry of Information and
 * Communications, TTHCs and their procedures, a year of one-stop-shop dossiers, contacts and a webhook.
 * Loading twice changes nothing: each thing is looked up (by number, code, name) before it is created.
 */
public final class DemoLoader {

    /**
     * Where tokens come from: {@code token(role, provinceCodeOrNull, agencyIdOrNull)}, each role with the claims
     * it needs: national-admin none, ministry-admin the ministry's root agency, province-admin and integration a
     * province, agency roles an agency (and its province, unless a central body).
     */
    @FunctionalInterface
    public interface TokenSource {
        String token(String role, String province, String agencyId);

        /** Signed with the local run's key pair. */
        static TokenSource local(JwtKeys keys) {
            return Tokens.local(keys)::token;
        }

        /** Printed by {@code COMMAND ROLE PROVINCE [AGENCY_ID]} (run by /bin/sh), PROVINCE "-" when the role has none. */
        static TokenSource command(String command) {
            return Tokens.command(command)::token;
        }
    }

    /**
     * What to load into: the four services' base URLs, tokens, the URL a webhook subscription should
     * deliver to (null: none), how many calls at once, where to print, and how to tell a reader to get
     * a token: the token command, or null for the local run's {@code deploy/local/token}.
     */
    public record Config(String documentUrl, String auditUrl, String scoringUrl, String notificationUrl, TokenSource tokens,
                         String webhookUrl, int parallelism, PrintStream out, String tokenCommand) {
    }

    /** What a load did: per kind, {created, found}. */
    public record Result(Map<String, int[]> tally, double seconds) {
        public int created() {
            return tally.values().stream().mapToInt(v -> v[0]).sum();
        }

        public int found() {
            return tally.values().stream().mapToInt(v -> v[1]).sum();
        }
    }

    private DemoLoader() {
    }

    public static Result load(Config c) {
        long t0 = System.nanoTime();
        Demo.Urls urls = new Demo.Urls(c.documentUrl(), c.auditUrl(), c.scoringUrl(), c.notificationUrl());
        try (Demo demo = new Demo(urls, new Tokens(c.tokens()::token), c.parallelism(), c.out())) {
            c.out().println("Loading the demo data into " + urls.document() + ", " + urls.audit() + ", " + urls.scoring() + ", "
                    + urls.notification() + " ...");
            Map<String, String> laws = LegalRegister.ensureLaws(demo);
            Map<String, LegalRegister.Procedure> tthcs = LegalRegister.ensureTthcs(demo, laws);
            Contacts.steeringAndWebhook(demo, c.webhookUrl());
            // the provinces are independent of each other: loaded side by side, sharing the pool of calls
            Map<String, Runnable> parts = new LinkedHashMap<>();
            parts.put("Bắc Giang / Bắc Ninh", () -> BacGiang.load(demo, laws, tthcs));
            parts.put("Ninh Bình", () -> NinhBinh.load(demo));
            parts.put("Điện Biên", () -> DienBien.load(demo));
            parts.put("Thái Nguyên", () -> ThaiNguyen.load(demo, laws));
            parts.put("Bộ Thông tin và Truyền thông", () -> Ministry.load(demo, laws));
            chapters(demo, parts);
            Result r = new Result(demo.tally(), (System.nanoTime() - t0) / 1e9);
            Summary.print(demo, r, c.tokenCommand());
            return r;
        }
    }

    private static void timed(Demo demo, String name, Runnable part) {
        long t0 = System.nanoTime();
        try {
            part.run();
        } catch (RuntimeException e) {
            demo.out.printf("  %-30s stopped after %.1f s: %s%n", name, (System.nanoTime() - t0) / 1e9, e.getMessage());
            throw e;
        }
        demo.out.printf("  %-30s %5.1f s%n", name, (System.nanoTime() - t0) / 1e9);
    }

    private static void chapters(Demo demo, Map<String, Runnable> parts) {
        ExecutorService threads = Executors.newFixedThreadPool(parts.size(), r -> {
            Thread t = new Thread(r, "demo-chapter");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            parts.forEach((name, p) -> running.add(threads.submit(() -> timed(demo, name, p))));
            RuntimeException failure = null;
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                    if (failure == null) {
                        failure = cause;
                    } else {
                        failure.addSuppressed(cause);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
