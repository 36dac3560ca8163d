package vn.govqms.e2e;

import vn.govqms.local.LocalStack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The packaged system, started once for all end-to-end tests exactly as the local run starts it
 * (PostgreSQL, a Kafka broker process, the four service jars), on free ports with throw-away data.
 */
final class E2eStack {

    private static LocalStack stack;

    private E2eStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            Path repo = Path.of(System.getProperty("govqms.repo", "../..")).toAbsolutePath().normalize();
            Path data = repo.resolve("deploy/e2e/target/e2e-data");
            deleteTree(data);
            try {
                Files.createDirectories(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            long t0 = System.nanoTime();
            stack = LocalStack.start(LocalStack.Options.test(repo, data));
            System.out.printf("e2e: the whole stack was ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stack.close(), "e2e-stack-stop"));
        }
        return stack;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
