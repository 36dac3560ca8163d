package vn.govqms.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Java code names a type by its import, never inline by its fully qualified name ({@code java.util.List} in a method body):
 * the imports are where a reader sees what a class depends on. Comments and string literals (annotations' values, event
 * types such as {@code vn.govqms.audit.audit.completed.v1}) may say what they like.
 */
class QualifiedNameTests {

    /** A package path of lower-case segments from a known root, then a type's name. */
    static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.])(?:java|javax|jakarta|io|org|com|vn|kafka)\\.(?:[a-z_]\\w*\\.)*[A-Z]\\w*");
    static final Set<String> SKIPPED = Set.of("target", "node_modules", ".git");

    @Test
    void noJavaSourceNamesATypeByItsQualifiedName() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Repo.root())) {
            sources = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> stream(Repo.root().relativize(p)).noneMatch(SKIPPED::contains))
                    .toList();
        }
        for (Path source : sources) {
            found.addAll(inlineNames(Repo.root().relativize(source).toString(), read(source)));
        }
        assertTrue(sources.size() > 300, "the walk found the sources (" + sources.size() + ")");
        assertEquals(List.of(), found, "import these types instead of writing their qualified names");
    }

    @Test
    void theScanSeesCodeAndLeavesImportsCommentsAndStringsAlone() {
        String source = """
                package vn.govqms.example;

                import java.util.List;

                /** Returns a {@link java.util.Map}. */
                @Schema(description = "vn.govqms.audit.audit.completed.v1")
                class Example {
                    // java.util.Set in a comment
                    String type = "vn.govqms.Example";
                    java.util.Map<String, List<String>> map = new java.util.HashMap<>();
                }
                """;
        assertEquals(List.of("Example.java:10 java.util.Map", "Example.java:10 java.util.HashMap"), inlineNames("Example.java", source));
    }

    static List<String> inlineNames(String name, String source) {
        List<String> found = new ArrayList<>();
        String[] lines = codeOnly(source).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("import ") || line.startsWith("package ")) {
                continue;
            }
            Matcher m = QUALIFIED.matcher(lines[i]);
            while (m.find()) {
                found.add(name + ":" + (i + 1) + " " + m.group());
            }
        }
        return found;
    }

    /** The source with comments, string and character literals and text blocks blanked out, its lines kept. */
    static String codeOnly(String source) {
        StringBuilder out = new StringBuilder(source);
        int i = 0;
        int n = source.length();
        while (i < n) {
            int end;
            if (source.startsWith("//", i)) {
                end = source.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                char quote = source.charAt(i);
                end = i + 1;
                while (end < n && source.charAt(end) != quote) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, n);
            } else {
                i++;
                continue;
            }
            for (int k = i; k < end; k++) {
                if (out.charAt(k) != '\n') {
                    out.setCharAt(k, ' ');
                }
            }
            i = end;
        }
        return out.toString();
    }

    private static Stream<String> stream(Path relative) {
        List<String> parts = new ArrayList<>();
        relative.forEach(p -> parts.add(p.toString()));
        return parts.stream();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
