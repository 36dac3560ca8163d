package vn.govqms.document.agency;

import java.time.LocalDate;

/** Where an agency stands in the administration. A value, not a fixed province/district/commune triple. */
public enum AgencyLevel {
    MINISTRY("Bộ, cơ quan ngang Bộ"),
    MINISTRY_UNIT("Đơn vị thuộc Bộ"),
    PROVINCIAL_PEOPLES_COMMITTEE("UBND tỉnh, thành phố"),
    DEPARTMENT("Sở, ban, ngành"),
    SUB_DEPARTMENT("Chi cục"),
    /** Ended with the two-tier local government on 1 July 2025; kept so that old data loads. */
    DISTRICT("UBND huyện (trước 01/7/2025)", Levels.LAST_DAY_OF_THREE_TIERS),
    COMMUNE("UBND xã"),
    WARD("UBND phường"),
    /** Thị trấn: ended on 1 July 2025 (each became a commune or a ward); kept so that old data loads. */
    TOWNSHIP("UBND thị trấn (trước 01/7/2025)", Levels.LAST_DAY_OF_THREE_TIERS),
    SPECIAL_ZONE("Đặc khu"),
    PUBLIC_SERVICE_UNIT("Đơn vị sự nghiệp công lập");

    private final String label;
    private final LocalDate lastDay;

    AgencyLevel(String label) {
        this(label, null);
    }

    AgencyLevel(String label, LocalDate lastDay) {
        this.label = label;
        this.lastDay = lastDay;
    }

    /** The Vietnamese label officials use. */
    public String label() {
        return label;
    }

    /** The last day of a level the reorganisation ended (null: the level goes on). */
    public LocalDate lastDay() {
        return lastDay;
    }

    /** False from the day after the level ended: no agency of it starts then. */
    public boolean existsOn(LocalDate day) {
        return lastDay == null || !day.isAfter(lastDay);
    }

    private static final class Levels {
        static final LocalDate LAST_DAY_OF_THREE_TIERS = LocalDate.of(2025, 6, 30);
    }
}
