import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The four services' OpenAPI documents, as their builds wrote them ({@code <service>/target/openapi/openapi.json}), against the
 * copies in {@code deploy/clients/openapi/} that the clients are generated from. {@code check} fails when a service's document
 * differs from its copy (the API changed and the clients were not regenerated); {@code regenerate} refreshes the copies.
 * Run by deploy/clients/pom.xml with Java's source launcher: {@code java OpenApiDocuments.java check|regenerate REPO}.
 */
public class OpenApiDocuments {

    static final List<String> SERVICES = List.of("document-service", "audit-service", "scoring-service", "notification-service");
    static final String REGENERATE = "./mvnw -B -pl deploy/clients/typescript,deploy/clients/java -am -Pregenerate -DskipTests package (or deploy/clients/regenerate)";

    public static void main(String[] args) throws IOException {
        boolean regenerate = args[0].equals("regenerate");
        Path repo = Path.of(args[1]).toAbsolutePath().normalize();
        Path copies = repo.resolve("deploy/clients/openapi");
        Files.createDirectories(copies);
        List<String> changed = new ArrayList<>();
        for (String service : SERVICES) {
            Path built = repo.resolve(service).resolve("target/openapi/openapi.json");
            if (!Files.exists(built)) {
                fail(built + " is missing: build " + service + " first (with -am: ./mvnw -pl deploy/clients/typescript,deploy/clients/java -am ...)");
            }
            Path copy = copies.resolve(service + ".json");
            String now = Files.readString(built);
            if (Files.exists(copy) && Files.readString(copy).equals(now)) {
                continue;
            }
            changed.add(service);
            if (regenerate) {
                Files.copy(built, copy, StandardCopyOption.REPLACE_EXISTING);
                System.out.println("deploy/clients/openapi/" + service + ".json: updated from " + repo.relativize(built));
            } else {
                System.err.println(service + ": its OpenAPI document differs from deploy/clients/openapi/" + service + ".json"
                        + (Files.exists(copy) ? firstDifference(Files.readString(copy), now) : " (no copy yet)"));
            }
        }
        if (!regenerate && !changed.isEmpty()) {
            fail("The API of " + String.join(", ", changed) + " changed and the clients were not regenerated. Regenerate them with\n  "
                    + REGENERATE + "\nand commit deploy/clients/openapi/ with the change (its diff is the change of the API).");
        }
        System.out.println(changed.isEmpty() ? "deploy/clients/openapi: the 4 documents match the services' builds"
                : "deploy/clients/openapi: " + changed.size() + " document(s) regenerated; the clients are generated from them in this build");
    }

    private static String firstDifference(String before, String now) {
        String[] a = before.split("\n", -1);
        String[] b = now.split("\n", -1);
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (!a[i].equals(b[i])) {
                return " from line " + (i + 1) + ":\n  committed: " + a[i].strip() + "\n  built:     " + b[i].strip();
            }
        }
        return " (" + a.length + " lines committed, " + b.length + " built)";
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(1);
    }
}
