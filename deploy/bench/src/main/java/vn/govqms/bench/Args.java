package vn.govqms.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Command-line options of the bench's programs: {@code --name value} for the named options, {@code --flag} for the flags. */
final class Args {

    private final Map<String, String> values = new HashMap<>();

    private Args() {
    }

    /** Fails with {@code usage} on anything not in {@code options} (take a value) or {@code flags} (take none). */
    static Args parse(String[] args, String usage, Set<String> options, Set<String> flags) {
        Args a = new Args();
        for (int i = 0; i < args.length; i++) {
            if (flags.contains(args[i])) {
                a.values.put(args[i], "true");
            } else if (options.contains(args[i]) && i + 1 < args.length) {
                a.values.put(args[i], args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i] + " (" + usage + ")");
            }
        }
        return a;
    }

    String text(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    int integer(String name, int otherwise) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : otherwise;
    }

    double decimal(String name, double otherwise) {
        return values.containsKey(name) ? Double.parseDouble(values.get(name)) : otherwise;
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }
}
