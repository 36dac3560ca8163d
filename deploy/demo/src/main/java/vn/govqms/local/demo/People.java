package vn.govqms.local.demo;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Made-up Vietnamese names for the people of the demo agencies, the same on every load (picked from the
 * agency's code), with an e-mail address under the agency's domain.
 */
final class People {

    /** A person: full name, token subject and e-mail. */
    record Person(String name, String subject, String email) {
    }

    private static final List<String> FAMILY = List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô",
            "Dương", "Lý", "Đinh", "Trịnh", "Hà", "Lương", "Phan", "Tạ");
    private static final List<String> MALE = List.of("Văn An", "Đức Bình", "Mạnh Cường", "Tiến Dũng", "Quang Hải", "Minh Hoàng",
            "Văn Hùng", "Duy Khánh", "Thành Long", "Hoài Nam", "Văn Phúc", "Minh Quân", "Ngọc Sơn", "Đình Thắng", "Anh Tuấn", "Quốc Việt");
    private static final List<String> FEMALE = List.of("Thị Hà", "Thu Hằng", "Thị Hoa", "Thanh Hương", "Thị Lan", "Thùy Linh", "Thị Mai",
            "Bích Ngọc", "Thị Nhung", "Thu Phương", "Thị Thảo", "Thu Trang", "Thị Tuyết", "Hải Yến", "Thị Vân", "Minh Nguyệt");

    private People() {
    }

    /** The head and the ISO officer of an agency, told apart. */
    static List<Person> staff(String agencyCode, String agencyName, String place) {
        String domain = domain(agencyName, place);
        Person head = of(agencyCode, domain, 0);
        Person officer = of(agencyCode, domain, 1);
        if (officer.email().equals(head.email())) {
            officer = of(agencyCode, domain, 2);
        }
        return List.of(head, officer);
    }

    /** The {@code n}-th made-up person of an agency. */
    static Person of(String agencyCode, String domain, int n) {
        int seed = Math.floorMod((agencyCode + "#" + n).hashCode(), 1 << 20);
        String family = FAMILY.get(seed % FAMILY.size());
        List<String> given = (seed / 7) % 2 == 0 ? MALE : FEMALE;
        String name = family + " " + given.get((seed / 13) % given.size());
        String[] parts = ascii(name).split(" ");
        StringBuilder local = new StringBuilder(parts[parts.length - 1]).append('.');
        for (int i = 0; i < parts.length - 1; i++) {
            local.append(parts[i].charAt(0));
        }
        String email = local + "@" + domain;
        return new Person(name, email, email);
    }

    /**
     * A mail domain as agencies have them: the initials of a department ({@code Sở Tư pháp} →
     * {@code stp.bacgiang.gov.vn}), the place name of a People's Committee ({@code UBND xã Thanh Nưa} →
     * {@code thanhnua.dienbien.gov.vn}).
     */
    static String domain(String agencyName, String place) {
        String local;
        if (agencyName.startsWith("UBND ")) {
            local = ascii(agencyName.replaceFirst("^UBND (xã|phường|thị trấn|huyện|thị xã|thành phố) ", "")).replaceAll("[^a-z0-9]", "");
        } else {
            StringBuilder initials = new StringBuilder();
            for (String w : ascii(agencyName.replaceAll(" (tỉnh|thành phố) [^,]*$", "")).split("[ ,\\-]+")) {
                if (!w.isEmpty() && !w.equals("va")) {
                    initials.append(w.charAt(0));
                }
            }
            local = initials.toString();
        }
        return local + "." + place + ".gov.vn";
    }

    /** {@code Nguyễn Đức Bình} → {@code nguyen duc binh}. */
    static String ascii(String s) {
        String noMarks = Normalizer.normalize(s.replace('Đ', 'D').replace('đ', 'd'), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return noMarks.toLowerCase(Locale.ROOT);
    }
}
