package vn.govqms.document.controlled;

import org.apache.tika.Tika;
import org.apache.tika.io.TikaInputStream;
import vn.govqms.kit.problem.ProblemException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * What a file is by its bytes (Tika's magic numbers; for Word and Excel 2007+ files, which are zips, the parts
 * inside), checked against the type the client declared: a script or page sent as a PDF is refused with 422.
 */
final class AttachmentContent {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Tika TIKA = new Tika();
    private static final Set<String> ZIP = Set.of("application/zip", "application/x-tika-ooxml", DOCX, XLSX);
    private static final Set<String> OLE2 = Set.of("application/x-tika-msoffice", "application/msword", "application/vnd.ms-excel");

    private AttachmentContent() {
    }

    /** Refuses a file whose content is not of the declared (already allowed) type. */
    static void check(String declared, Path file) {
        String detected = detect(file);
        boolean agrees = switch (declared) {
            case "application/pdf", "image/png", "image/jpeg" -> declared.equals(detected);
            case "application/msword", "application/vnd.ms-excel" -> OLE2.contains(detected);
            case DOCX -> ZIP.contains(detected) && hasPart(file, "word/");
            case XLSX -> ZIP.contains(detected) && hasPart(file, "xl/");
            default -> false;
        };
        if (!agrees) {
            throw new ProblemException(422, "content-type-mismatch", "Content does not match its type",
                    "The file was declared " + declared + " but its content is " + detected + ".",
                    Map.of("declared", declared, "detected", detected));
        }
    }

    static String detect(Path file) {
        try (TikaInputStream in = TikaInputStream.get(file)) {
            return TIKA.detect(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasPart(Path file, String prefix) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.stream().anyMatch(e -> e.getName().startsWith(prefix));
        } catch (ZipException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
