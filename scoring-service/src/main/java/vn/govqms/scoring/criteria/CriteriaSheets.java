package vn.govqms.scoring.criteria;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import vn.govqms.kit.problem.Problem;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.scoring.indicator.IndicatorCode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A criteria set as a spreadsheet: sheet "Tiêu chí" (one row per criterion, with its group) and sheet
 * "Xếp loại" (the bands, from the highest). The same layout is exported and imported, so a province
 * can keep its set in Excel, edit it there and load it back as a new draft.
 */
public final class CriteriaSheets {

    static final String CRITERIA = "Tiêu chí";
    static final String BANDS = "Xếp loại";
    static final String[] CRITERIA_HEADER = {"Mã nhóm", "Tên nhóm", "Mã tiêu chí", "Nội dung", "Điểm tối đa", "Hướng dẫn chấm",
            "Phương thức (MANUAL/AUTOMATIC)", "Chỉ số", "Quy tắc", "So sánh", "Ngưỡng", "Mục tiêu", "Điểm trừ mỗi mục"};
    static final String[] BANDS_HEADER = {"Mã", "Xếp loại", "Xếp loại (EN)", "Điểm tối thiểu", "Tính cả điểm biên (TRUE/FALSE)"};

    private CriteriaSheets() {
    }

    public static byte[] write(CriteriaSet set) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "GovQMS", "1.0");
            Worksheet ws = wb.newWorksheet(CRITERIA);
            header(ws, CRITERIA_HEADER);
            int r = 1;
            for (Definition.Group g : set.definition.groups()) {
                for (Definition.Criterion c : g.criteria()) {
                    ws.value(r, 0, g.code());
                    ws.value(r, 1, g.name());
                    ws.value(r, 2, c.code());
                    ws.value(r, 3, c.text());
                    ws.value(r, 4, c.maxPoints());
                    text(ws, r, 5, c.guidance());
                    ws.value(r, 6, c.method().name());
                    text(ws, r, 7, c.indicator() == null ? null : c.indicator().name());
                    text(ws, r, 8, c.rule() == null ? null : c.rule().name());
                    text(ws, r, 9, c.comparison() == null ? null : c.comparison().name());
                    number(ws, r, 10, c.threshold());
                    number(ws, r, 11, c.target());
                    number(ws, r, 12, c.pointsPerItem());
                    r++;
                }
            }
            Worksheet bands = wb.newWorksheet(BANDS);
            header(bands, BANDS_HEADER);
            r = 1;
            for (Definition.Band b : set.definition.bands()) {
                bands.value(r, 0, b.code());
                bands.value(r, 1, b.label());
                text(bands, r, 2, b.labelEn());
                number(bands, r, 3, b.minScore());
                if (b.minScore() != null) {
                    bands.value(r, 4, Boolean.FALSE.equals(b.minInclusive()) ? "FALSE" : "TRUE");
                }
                r++;
            }
            wb.finish();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /**
     * Reads groups and bands; 400 naming the sheet, row and column of anything unreadable, 413 for a workbook that
     * inflates past {@code maxInflated} bytes, 422 for a sheet of more than {@code maxRows} rows.
     */
    public static Definition read(byte[] xlsx, long maxInflated, int maxRows) {
        checkInflatedSize(xlsx, maxInflated);
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, String> groupNames = new LinkedHashMap<>();
        Map<String, List<Definition.Criterion>> criteria = new LinkedHashMap<>();
        List<Definition.Band> bands = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.findSheet(CRITERIA).orElseThrow(() -> ProblemException.invalidField("file", "no sheet \"" + CRITERIA + "\""));
            for (Row row : rows(sheet, maxRows)) {
                if (row.getRowNum() == 1 || blank(row, 2)) {
                    continue;
                }
                String at = CRITERIA + "!" + row.getRowNum();
                String group = text(row, 0);
                if (group == null) {
                    errors.add(new Problem.FieldError(at + ":A", "group code required"));
                    continue;
                }
                groupNames.putIfAbsent(group, text(row, 1) == null ? group : text(row, 1));
                criteria.computeIfAbsent(group, g -> new ArrayList<>()).add(new Definition.Criterion(text(row, 2), text(row, 3),
                        number(row, 4, at + ":E", errors), text(row, 5), enumOf(Method.class, text(row, 6), at + ":G", errors),
                        enumOf(IndicatorCode.class, text(row, 7), at + ":H", errors), enumOf(Rule.class, text(row, 8), at + ":I", errors),
                        enumOf(Comparison.class, text(row, 9), at + ":J", errors), number(row, 10, at + ":K", errors),
                        number(row, 11, at + ":L", errors), number(row, 12, at + ":M", errors)));
            }
            Optional<Sheet> bandSheet = wb.findSheet(BANDS);
            if (bandSheet.isPresent()) {
                for (Row row : rows(bandSheet.get(), maxRows)) {
                    if (row.getRowNum() == 1 || blank(row, 0)) {
                        continue;
                    }
                    String at = BANDS + "!" + row.getRowNum();
                    String inclusive = text(row, 4);
                    bands.add(new Definition.Band(text(row, 0), text(row, 1), text(row, 2), number(row, 3, at + ":D", errors),
                            inclusive == null ? null : !inclusive.equalsIgnoreCase("FALSE")));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw ProblemException.invalidField("file", "not a readable XLSX workbook");
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid input",
                    String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()), Map.of("errors", errors));
        }
        if (criteria.isEmpty()) {
            throw ProblemException.invalidField("file", "sheet \"" + CRITERIA + "\" has no criteria");
        }
        List<Definition.Group> groups = new ArrayList<>();
        criteria.forEach((code, list) -> groups.add(new Definition.Group(code, groupNames.get(code), list)));
        return new Definition(groups, bands.isEmpty() ? null : bands).withDefaults();
    }

    /**
     * Inflates every part of the zip once, counting what actually comes out (the sizes an entry declares can lie),
     * and stops at the limit: a zip bomb costs at most {@code maxInflated} bytes of reading and no memory.
     */
    static void checkInflatedSize(byte[] xlsx, long maxInflated) {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        // the central directory, as Excel and fastexcel write it (entries whose sizes follow their data included)
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(xlsx)).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        total += n;
                        if (total > maxInflated) {
                            throw new ProblemException(413, "workbook-too-large", "Workbook too large",
                                    "Unzipped, the workbook is over the limit of " + maxInflated + " bytes.",
                                    Map.of("maxInflatedSize", maxInflated));
                        }
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw ProblemException.invalidField("file", "not a readable XLSX workbook");
        }
    }

    /** The rows of a sheet, read as a stream and refused past the limit before they are all held. */
    private static List<Row> rows(Sheet sheet, int maxRows) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (Stream<Row> stream = sheet.openStream()) {
            Iterator<Row> it = stream.iterator();
            while (it.hasNext()) {
                if (rows.size() == maxRows) {
                    throw new ProblemException(422, "too-many-rows", "Too many rows",
                            "Sheet \"" + sheet.getName() + "\" has more rows than the limit of " + maxRows + ".",
                            Map.of("maxRows", maxRows, "sheet", sheet.getName()));
                }
                rows.add(it.next());
            }
        }
        return rows;
    }

    private static void header(Worksheet ws, String[] names) {
        for (int i = 0; i < names.length; i++) {
            ws.value(0, i, names[i]);
            ws.style(0, i).bold().set();
        }
    }

    private static void text(Worksheet ws, int r, int c, String v) {
        if (v != null) {
            ws.value(r, c, v);
        }
    }

    private static void number(Worksheet ws, int r, int c, BigDecimal v) {
        if (v != null) {
            ws.value(r, c, v);
        }
    }

    private static boolean blank(Row row, int c) {
        return text(row, c) == null;
    }

    private static String text(Row row, int c) {
        if (c >= row.getCellCount() || row.getCell(c) == null) {
            return null;
        }
        String s = row.getCellText(c);
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static BigDecimal number(Row row, int c, String at, List<Problem.FieldError> errors) {
        String s = text(row, c);
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s.replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError(at, "a number"));
            return null;
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String at, List<Problem.FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase());
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(at, "one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }
}
