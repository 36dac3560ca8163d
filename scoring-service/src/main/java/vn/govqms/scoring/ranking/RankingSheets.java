package vn.govqms.scoring.ranking;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** A ranking and its band distribution as a spreadsheet (sheets "Xếp hạng" and "Phân loại"). */
final class RankingSheets {

    private RankingSheets() {
    }

    static byte[] write(RankingDtos.Ranking ranking, RankingDtos.Distribution distribution) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "GovQMS", "1.0");
            Worksheet ws = wb.newWorksheet("Xếp hạng");
            header(ws, "Hạng", "Mã cơ quan", "Tên cơ quan", "Điểm", "Xếp loại");
            int r = 1;
            for (RankingDtos.Ranked a : ranking.items()) {
                ws.value(r, 0, a.rank());
                ws.value(r, 1, a.agencyCode());
                ws.value(r, 2, a.agencyName());
                ws.value(r, 3, a.score());
                ws.value(r, 4, a.bandLabel());
                r++;
            }
            Worksheet d = wb.newWorksheet("Phân loại");
            header(d, "Mã", "Xếp loại", "Số cơ quan", "Tỷ lệ (%)");
            r = 1;
            for (RankingDtos.BandCount b : distribution.bands()) {
                d.value(r, 0, b.band());
                d.value(r, 1, b.label());
                d.value(r, 2, b.count());
                d.value(r, 3, b.share());
                r++;
            }
            d.value(r, 1, "Tổng");
            d.value(r, 2, distribution.total());
            wb.finish();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static void header(Worksheet ws, String... names) {
        for (int i = 0; i < names.length; i++) {
            ws.value(0, i, names[i]);
            ws.style(0, i).bold().set();
        }
    }
}
