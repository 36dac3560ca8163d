package vn.govqms.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.logging.Logger;
import java.util.stream.Stream;

/** Throw-away folders of the real parts (test runs, a reset local run). */
public final class Folders {

    private static final Logger LOG = Logger.getLogger(Folders.class.getName());

    private Folders() {
    }

    /** Deletes a folder and all it holds; what cannot be deleted (a file another process holds) is left, and logged. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.info("could not delete all of " + dir + ": " + e.getMessage());
        }
    }
}
