package vn.govqms.audit;

import vn.govqms.local.RealParts;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/** Test data, put where audit-service gets it in production: agencies through document.events. */
public final class Fixtures {

    public static final String PROBLEM = "application/problem+json";
    public static final String DB = "audit";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private Fixtures() {
    }

    /** Registers an agency in document-service's name and waits until audit-service knows it. */
    public static String agency(String province, String name) {
        return agency(province, name, "DEPARTMENT");
    }

    public static String agency(String province, String name, String level) {
        return register(province, name, level, null);
    }

    /** A unit of a ministry (a central body, province 00) in the subtree of the ministry's root agency {@code ministry}. */
    public static String ministryUnit(String ministry, String name) {
        return register("00", name, "MINISTRY_UNIT", ministry);
    }

    private static String register(String province, String name, String level, String parent) {
        UUID id = UUID.randomUUID();
        int n = SEQ.incrementAndGet() + (int) (Math.random() * 1000) * 1000;
        String parentJson = parent == null ? "null" : "\"" + parent + "\"";
        String json = """
                {"agencyId":"%s","code":"%03d.%02d.%02d.H%s","name":"%s","level":"%s","parentId":%s,"provinceCode":"%s",
                 "rootId":%s,"validFrom":"2015-01-01","validTo":null,"revision":0}""".formatted(id, n % 1000, (n / 1000) % 100, n % 97,
                province, name.replace("\\", "\\\\").replace("\"", "\\\""), level, parentJson, province, parentJson);
        TestKafka.publishCloudEvent("document.events", id.toString(), "vn.govqms.document.agency.registered.v1",
                "agencies/" + id, json);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                TestDb.count(DB, "select count(*) from agency_directory where id = '" + id + "'") == 1);
        return id.toString();
    }

    /** The agency ended on {@code validTo} (document-service's agency.updated after a merger or split); waits until known. */
    public static void end(String agency, LocalDate validTo) {
        String row = "from agency_directory where id = '" + agency + "'";
        String code = TestDb.value(DB, "select code " + row);
        String name = TestDb.value(DB, "select name " + row);
        String level = TestDb.value(DB, "select level " + row);
        String province = TestDb.value(DB, "select province_code " + row);
        String root = TestDb.value(DB, "select root_id " + row);
        long revision = TestDb.count(DB, "select revision " + row) + 1;
        TestKafka.publishCloudEvent("document.events", agency, "vn.govqms.document.agency.updated.v1", "agencies/" + agency, """
                {"agencyId":"%s","code":"%s","name":"%s","level":"%s","parentId":null,"provinceCode":"%s","rootId":"%s",
                 "validFrom":"2015-01-01","validTo":"%s","revision":%d}""".formatted(agency, code, name, level, province, root, validTo,
                revision));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                TestDb.count(DB, "select count(*) " + row + " and valid_to = '" + validTo + "'") == 1);
    }

    public static String head(String agency, String province) {
        return TestTokens.agencyRole("agency-head", agency, province);
    }

    public static String officer(String agency, String province) {
        return TestTokens.agencyRole("iso-officer", agency, province);
    }

    public static String auditor(String agency, String province) {
        return TestTokens.agencyRole("auditor", agency, province);
    }

    public static String admin(String province) {
        return TestTokens.provinceAdmin(province);
    }

    /** True once a record of {@code type} keyed by {@code key} whose value contains {@code text} is on audit.events. */
    public static boolean published(String key, String type, String text) {
        return !TestKafka.await("audit.events", r -> key.equals(r.key())
                && ("vn.govqms.audit." + type + ".v1").equals(TestKafka.header(r, "ce_type"))
                && (text == null || r.value().contains(text)), Duration.ofSeconds(20)).isEmpty();
    }

    /** A connection of the test's own to the service's database, for a transaction the test holds open. */
    public static Connection connection() throws SQLException {
        return DriverManager.getConnection(System.getProperty(RealParts.POSTGRES_PROPERTY) + DB,
                System.getProperty(RealParts.POSTGRES_USER_PROPERTY), "");
    }

    /** Statements of the service waiting for a lock whose text contains {@code text}. */
    public static long waitingForLock(String text) {
        return count("select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' "
                + "and query like '%" + text + "%' and pid <> pg_backend_pid()");
    }

    public static long count(String sql) {
        return TestDb.count(DB, sql);
    }

    public static String value(String sql) {
        return TestDb.value(DB, sql);
    }
}
