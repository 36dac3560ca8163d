package vn.govqms.local;

import java.nio.file.Path;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The Kafka broker as a process of its own (local run, e2e): {@code KafkaMain LOG_DIR PORT CONTROLLER_PORT [PARENT_PID]}.
 * Ends with its parent, so a killed launcher does not leave a broker behind.
 */
public final class KafkaMain {

    /** Held so that the levels set on them stay in force. */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("kafka"), Logger.getLogger("org.apache.kafka"),
            Logger.getLogger("state.change.logger"));

    private KafkaMain() {
    }

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: KafkaMain LOG_DIR PORT CONTROLLER_PORT [PARENT_PID]");
            System.exit(2);
        }
        QUIET.forEach(l -> l.setLevel(Level.WARNING));
        // no logging configuration in this process: print warnings and errors to stdout (the log file)
        ConsoleHandler console = new ConsoleHandler();
        console.setLevel(Level.INFO);
        console.setFormatter(new SimpleFormatter());
        Logger.getLogger("").addHandler(console);
        KafkaBroker broker = KafkaBroker.start(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafka-stop"));
        System.out.println("Kafka broker ready on " + broker.bootstrapServers());
        if (args.length > 3) {
            ProcessHandle.of(Long.parseLong(args[3])).ifPresentOrElse(
                    parent -> parent.onExit().thenRun(() -> System.exit(0)),
                    () -> System.exit(0));
        }
        broker.awaitShutdown();
    }
}
