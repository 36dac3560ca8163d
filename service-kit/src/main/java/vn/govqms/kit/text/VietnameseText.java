package vn.govqms.kit.text;

import java.text.Normalizer;
import java.util.Locale;

/** Vietnamese text as stored (Unicode NFC) and as searched (without diacritics, lower case). */
public final class VietnameseText {

    private VietnameseText() {
    }

    public static String nfc(String s) {
        return s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** A LIKE pattern finding {@code text} anywhere in a folded column, its own % and _ taken literally. */
    public static String containsPattern(String text) {
        return "%" + fold(text).replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** "Quy trình cấp giấy phép" -> "quy trinh cap giay phep"; đ/Đ become d. */
    public static String fold(String s) {
        if (s == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
    }
}
