package vn.govqms.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Who used the cores during a measurement: CPU time of each service, of PostgreSQL (every postgres process, and what its
 * ended backends used), of the broker and of this harness, read from {@code /proc} before and after, against the machine's.
 * This is the profile behind "what limits it" for every run, not only the ones profiled by hand.
 */
final class Cpu {

    /** Linux reports process times in USER_HZ, 100 per second on every architecture it ships for. */
    private static final double TICKS_PER_SECOND = 100;

    /** CPU ticks per part of the stack, and the machine's busy and total ticks (all cores), at one instant. */
    record Sample(long nanos, Map<String, Long> parts, long machineBusy, long machineAll) {
    }

    private final Map<String, Long> services;
    private final long broker;

    /** {@code services}: name → pid. */
    Cpu(Map<String, Long> services) {
        this.services = services;
        this.broker = ProcessHandle.allProcesses().filter(p -> commandLine(p.pid()).contains("vn.govqms.local.KafkaMain"))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
    }

    Sample sample() {
        Map<String, Long> parts = new LinkedHashMap<>();
        services.forEach((name, pid) -> parts.put(name, ticks(pid)));
        parts.put("PostgreSQL", postgres());
        parts.put("Kafka broker", broker < 0 ? 0 : ticks(broker));
        parts.put("harness (load, polling)", ticks(ProcessHandle.current().pid()));
        long busy = 0;
        long all = 0;
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            for (int i = 1; i < f.length && i <= 8; i++) {
                long v = Long.parseLong(f[i]);
                all += v;
                busy += i == 4 || i == 5 ? 0 : v; // idle, iowait
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the shares below say 0
        }
        return new Sample(System.nanoTime(), parts, busy, all);
    }

    /**
     * "machine 97 % busy; notification-service 4.1 s (14 %), …": each part's CPU seconds between two samples and its share of
     * what the cores could give in that time.
     */
    static String between(Sample a, Sample b) {
        double seconds = (b.nanos() - a.nanos()) / 1e9;
        int cores = Runtime.getRuntime().availableProcessors();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%.1f s on %d cores, machine %.0f %% busy; CPU seconds (share of the cores): ",
                seconds, cores, b.machineAll() == a.machineAll() ? 0.0 : 100.0 * (b.machineBusy() - a.machineBusy()) / (b.machineAll() - a.machineAll())));
        String sep = "";
        for (Map.Entry<String, Long> e : b.parts().entrySet()) {
            double cpu = (e.getValue() - a.parts().getOrDefault(e.getKey(), 0L)) / TICKS_PER_SECOND;
            s.append(sep).append(String.format(Locale.ROOT, "%s %.1f (%.0f %%)", e.getKey(), cpu, 100 * cpu / (seconds * cores)));
            sep = ", ";
        }
        return s.toString();
    }

    /** ProcessHandle.Info leaves out the command line of a long one (the broker's class path): read /proc instead. */
    private static String commandLine(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Every postgres process's own time plus what its reaped children (ended backends) used. */
    private static long postgres() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(p -> {
                        try {
                            String stat = Files.readString(p.resolve("stat"));
                            return stat.contains("(postgres)") ? ticks(stat, true) : 0;
                        } catch (IOException | RuntimeException e) {
                            return 0; // ended meanwhile
                        }
                    }).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long ticks(long pid) {
        try {
            return ticks(Files.readString(Path.of("/proc/" + pid + "/stat")), false);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** utime + stime (fields 14, 15), and cutime + cstime (16, 17) when asked; the name in parentheses may hold spaces. */
    private static long ticks(String stat, boolean children) {
        List<String> f = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
        // f.get(0) is field 3 (state)
        long t = Long.parseLong(f.get(11)) + Long.parseLong(f.get(12));
        return children ? t + Long.parseLong(f.get(13)) + Long.parseLong(f.get(14)) : t;
    }
}
