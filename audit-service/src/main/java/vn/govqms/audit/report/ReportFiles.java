package vn.govqms.audit.report;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;

/**
 * The yearly reports as files: a spreadsheet (XLSX, every cell typed: text stays text, so a name that looks like a formula
 * is never evaluated) and the document officials sign (.docx) laid out as Decree 30/2020/NĐ-CP lays out an
 * administrative document: the issuing body and the national motto side by side, number and symbol, place and date, the
 * title, the body with the per-agency table, "Nơi nhận" and the signer; Times New Roman, 13 pt body, A4 with the
 * decree's margins.
 */
final class ReportFiles {

    static final String FONT = "Times New Roman";

    /** Who issues the document and who signs it. */
    record Letterhead(String superior, String issuer, String symbol, String place, LocalDate date, String signerTitle,
                      String signerName, List<String> recipients) {
    }

    /** A report as rows: the column headers, the rows' cells (String, Number or LocalDate), and the body's paragraphs. */
    record Table(String sheetName, String title, String subtitle, List<String> body, List<String> headers, List<List<Object>> rows) {
    }

    private ReportFiles() {
    }

    static byte[] xlsx(Table t) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(t.sheetName());
            Font bold = wb.createFont();
            bold.setBold(true);
            bold.setFontName(FONT);
            CellStyle head = wb.createCellStyle();
            head.setFont(bold);
            head.setWrapText(true);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(t.title() + " - " + t.subtitle());
            title.getCell(0).setCellStyle(head);
            Row header = sheet.createRow(2);
            for (int i = 0; i < t.headers().size(); i++) {
                Cell c = header.createCell(i);
                c.setCellValue(t.headers().get(i));
                c.setCellStyle(head);
            }
            int r = 3;
            for (List<Object> values : t.rows()) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    Cell c = row.createCell(i);
                    if (v instanceof Number n) {
                        c.setCellValue(n.doubleValue());
                    } else if (v instanceof LocalDate d) {
                        c.setCellValue(d);
                        c.setCellStyle(date);
                    } else if (v != null) {
                        // a typed string cell: a value starting with "=" is text, never a formula
                        c.setCellValue(v.toString());
                    }
                }
            }
            sheet.createFreezePane(0, 3);
            for (int i = 0; i < t.headers().size(); i++) {
                sheet.setColumnWidth(i, i == 1 ? 50 * 256 : 18 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("XLSX not written: " + e.getMessage(), e);
        }
    }

    static byte[] docx(Table t, Letterhead h) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(doc);
            // the issuing body (left) and the national motto (right), without borders
            XWPFTable head = borderless(doc.createTable(1, 2));
            XWPFTableCell left = head.getRow(0).getCell(0);
            XWPFTableCell right = head.getRow(0).getCell(1);
            width(left, 3800);
            width(right, 5500);
            centred(first(left), h.superior().toUpperCase(), false, false, 13);
            centred(left.addParagraph(), h.issuer().toUpperCase(), true, false, 13);
            centred(left.addParagraph(), "Số:        /" + h.symbol(), false, false, 13);
            centred(first(right), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true, false, 13);
            centred(right.addParagraph(), "Độc lập - Tự do - Hạnh phúc", true, false, 14);
            centred(right.addParagraph(), placeAndDate(h.place(), h.date()), false, true, 14);

            centred(doc.createParagraph(), "", false, false, 13);
            centred(doc.createParagraph(), t.title(), true, false, 14);
            centred(doc.createParagraph(), t.subtitle(), true, false, 14);
            for (String line : t.body()) {
                XWPFParagraph p = doc.createParagraph();
                p.setAlignment(ParagraphAlignment.BOTH);
                p.setIndentationFirstLine(567);
                p.setSpacingAfter(120);
                run(p, line, false, false, 13);
            }

            XWPFTable table = doc.createTable(t.rows().size() + 1, t.headers().size() + 1);
            table.setTableAlignment(TableRowAlign.CENTER);
            XWPFTableRow header = table.getRow(0);
            header.setRepeatHeader(true);
            cell(header.getCell(0), "TT", true, 11);
            for (int i = 0; i < t.headers().size(); i++) {
                cell(header.getCell(i + 1), t.headers().get(i), true, 11);
            }
            for (int r = 0; r < t.rows().size(); r++) {
                XWPFTableRow row = table.getRow(r + 1);
                cell(row.getCell(0), String.valueOf(r + 1), false, 11);
                List<Object> values = t.rows().get(r);
                for (int i = 0; i < values.size(); i++) {
                    cell(row.getCell(i + 1), text(values.get(i)), false, 11);
                }
            }

            centred(doc.createParagraph(), "", false, false, 13);
            // "Nơi nhận" (left) and the signer (right)
            XWPFTable sign = borderless(doc.createTable(1, 2));
            XWPFTableCell to = sign.getRow(0).getCell(0);
            XWPFTableCell signer = sign.getRow(0).getCell(1);
            width(to, 4600);
            width(signer, 4700);
            XWPFParagraph label = first(to);
            run(label, "Nơi nhận:", true, true, 12);
            for (String recipient : h.recipients()) {
                run(to.addParagraph(), "- " + recipient, false, false, 11);
            }
            centred(first(signer), h.signerTitle(), true, false, 13);
            centred(signer.addParagraph(), "", false, false, 13);
            centred(signer.addParagraph(), "", false, false, 13);
            centred(signer.addParagraph(), "", false, false, 13);
            centred(signer.addParagraph(), h.signerName() == null ? "" : h.signerName(), true, false, 13);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("DOCX not written: " + e.getMessage(), e);
        }
    }

    /** "Ninh Bình, ngày 04 tháng 12 năm 2026": days below 10 and January, February with a leading zero (Decree 30). */
    static String placeAndDate(String place, LocalDate d) {
        return (place == null || place.isBlank() ? "......" : place) + ", " + date(d);
    }

    /** "ngày 04 tháng 12 năm 2026". */
    static String date(LocalDate d) {
        String day = d.getDayOfMonth() < 10 ? "0" + d.getDayOfMonth() : String.valueOf(d.getDayOfMonth());
        String month = d.getMonthValue() < 3 ? "0" + d.getMonthValue() : String.valueOf(d.getMonthValue());
        return "ngày " + day + " tháng " + month + " năm " + d.getYear();
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof LocalDate d) {
            return String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
        }
        if (v instanceof Double n && n == Math.rint(n)) {
            return String.valueOf(n.longValue());
        }
        return v.toString();
    }

    /** A4, margins top and bottom 20 mm, left 30 mm, right 15 mm. */
    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(1134));
        margins.setBottom(BigInteger.valueOf(1134));
        margins.setLeft(BigInteger.valueOf(1701));
        margins.setRight(BigInteger.valueOf(850));
    }

    private static XWPFTable borderless(XWPFTable t) {
        t.removeBorders();
        return t;
    }

    private static void width(XWPFTableCell c, int twips) {
        c.setWidth(String.valueOf(twips));
    }

    private static XWPFParagraph first(XWPFTableCell c) {
        return c.getParagraphs().get(0);
    }

    private static void cell(XWPFTableCell c, String text, boolean bold, int size) {
        XWPFParagraph p = first(c);
        p.setAlignment(bold ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
        run(p, text, bold, false, size);
    }

    private static void centred(XWPFParagraph p, String text, boolean bold, boolean italic, int size) {
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, text, bold, italic, size);
    }

    private static void run(XWPFParagraph p, String text, boolean bold, boolean italic, int size) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setBold(bold);
        r.setItalic(italic);
        r.setFontFamily(FONT);
        r.setFontSize(size);
    }
}
