package vn.govqms.kit.text;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Cells a spreadsheet would evaluate are written as text (OWASP CSV injection); quoting as RFC 4180. */
class CsvCellsTest {

    @Test
    void formulaCellsGetALeadingApostrophe() {
        assertEquals("'=HYPERLINK(\"http://x\",\"y\")", CsvCells.neutralise("=HYPERLINK(\"http://x\",\"y\")"));
        assertEquals("'-1+2", CsvCells.neutralise("-1+2"));
        assertEquals("'+84 912", CsvCells.neutralise("+84 912"));
        assertEquals("'@SUM(A1)", CsvCells.neutralise("@SUM(A1)"));
        assertEquals("'\tx", CsvCells.neutralise("\tx"));
        assertEquals("'\rx", CsvCells.neutralise("\rx"));
    }

    @Test
    void otherCellsStayAsTheyAre() {
        assertEquals("Sở Tư pháp tỉnh Ninh Bình", CsvCells.neutralise("Sở Tư pháp tỉnh Ninh Bình"));
        assertEquals("12", CsvCells.neutralise("12"));
        assertEquals("a=b", CsvCells.neutralise("a=b"));
        assertEquals("", CsvCells.neutralise(""));
        assertEquals("", CsvCells.neutralise(null));
    }

    @Test
    void aLineQuotesAfterNeutralising() {
        StringBuilder b = new StringBuilder();
        CsvCells.line(b, Arrays.asList("000.00.01.H37", "=HYPERLINK(\"http://x\",\"y\")", "-1+2", "Sở A, phòng B", null, "3"));
        assertEquals("000.00.01.H37,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'-1+2,\"Sở A, phòng B\",,3\r\n", b.toString());
        StringBuilder empty = new StringBuilder();
        CsvCells.line(empty, List.of());
        assertEquals("\r\n", empty.toString());
    }
}
