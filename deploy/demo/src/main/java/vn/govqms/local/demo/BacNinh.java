package vn.govqms.local.demo;

import vn.govqms.local.demo.Agencies.Agency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The former province of Bắc Ninh (code 27) until 30 June 2025, in part: three of its departments, their
 * people and their ISO 9001:2015 announcements (illustrative), enough to show the merger of 1 July 2025
 * with sources in both former provinces. Loaded by its own steering committee before the provinces merge;
 * afterwards province 27's tokens only read, and the merged province (24) acts for it.
 */
final class BacNinh {

    static final String PROVINCE = "27";

    /** A department of the former Bắc Ninh: key, code, name, the merged province's agency that continues it, its announcement. */
    record Unit(String key, String code, String name, String successor, String decision, String announced) {
    }

    static final List<Unit> UNITS = List.of(
            new Unit("TP", "000.00.03.H27", "Sở Tư pháp tỉnh Bắc Ninh", "TP", "86/QĐ-STP", "2020-06-15"),
            new Unit("TTTT", "000.00.11.H27", "Sở Thông tin và Truyền thông tỉnh Bắc Ninh", "KHCN", "112/QĐ-STTTT", "2020-08-20"),
            new Unit("KHCN", "000.00.14.H27", "Sở Khoa học và Công nghệ tỉnh Bắc Ninh", "KHCN", "95/QĐ-SKHCN", "2020-05-25"));

    private BacNinh() {
    }

    /** The departments by code, registered (with their people and announcements) if the province still stands. */
    static Map<String, Agency> load(Demo demo) {
        List<String> registered = new ArrayList<>();
        List<Agencies.Spec> specs = UNITS.stream().map(u -> new Agencies.Spec(u.code(), u.name(), "DEPARTMENT")).toList();
        Map<String, Agency> agencies = Agencies.ensure(demo, PROVINCE, specs, registered);
        Agencies.awaitKnown(demo, PROVINCE, registered);
        Contacts.forAgencies(demo, demo.admin(PROVINCE), PROVINCE, agencies.values());
        demo.each(UNITS, u -> {
            Agency a = agencies.get(u.code());
            if (a.ended() || "ANNOUNCED".equals(a.qmsStatus())) {
                demo.count("QMS announcements", false);
                return;
            }
            Announcements.post(demo, a, u.name(), u.decision(), u.announced(), "ISO_9001_2015");
        });
        return agencies;
    }
}
