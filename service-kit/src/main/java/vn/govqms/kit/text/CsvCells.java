package vn.govqms.kit.text;

import java.util.List;

/**
 * CSV as the product writes it (RFC 4180, CRLF lines), with every cell a spreadsheet would evaluate neutralised: a cell
 * starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading {@code '} (OWASP,
 * CSV injection), so that an agency named {@code =HYPERLINK(...)} stays text in the steering committee's spreadsheet.
 * Every CSV export goes through {@link #line}; numbers the exports write are never negative, so nothing meant as a number
 * is turned into text.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** {@code cell} as a spreadsheet must show it: prefixed with {@code '} when it would otherwise be evaluated. */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell == null ? "" : cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + cell : cell;
    }

    /** One cell, neutralised, then quoted when it holds a separator, a quote or a line break. */
    public static String cell(String value) {
        String c = neutralise(value);
        if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
            return '"' + c.replace("\"", "\"\"") + '"';
        }
        return c;
    }

    /** Appends one line of cells and its CRLF. */
    public static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }
}
