package vn.govqms.local.testing;

import vn.govqms.local.RealParts;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * The one way a service's tests make their world: provinces of their own, agencies in the kit's directory, tokens of the
 * people in them, and the service's database. Agencies are written where every service keeps them (the kit's
 * {@code agency_directory}, the row the kit's {@code AgencyDirectory} writes from document-service's agency.registered);
 * that path itself is each service's {@link AgencyDirectoryContractTests}. document-service, which owns agencies, makes
 * them through its own API. The database is the one {@link RealPartsTestResource} gave this test JVM.
 */
public final class Fixtures {

    private static final AtomicInteger PROVINCE = new AtomicInteger(30);
    private static final AtomicInteger SEQ = new AtomicInteger();

    private Fixtures() {
    }

    /** The database of the service under test (as named to RealPartsTestResource). */
    public static String db() {
        String db = System.getProperty(RealPartsTestResource.DATABASE_PROPERTY);
        if (db == null) {
            throw new IllegalStateException("the real parts are not started (RealPartsTestResource)");
        }
        return db;
    }

    /** A province code (30 to 99) no other test of this JVM uses, for a test whose province-wide figures must be its own. */
    public static String province() {
        int code = PROVINCE.getAndIncrement();
        if (code > 99) {
            // a province code has two digits: a suite that needs more provinces must let some tests share one
            throw new IllegalStateException("the test provinces 30-99 are all taken; let this test use a province another test made");
        }
        return String.format("%02d", code);
    }

    /** A department of a province, the root of its own tree. */
    public static String agency(String province, String name) {
        return agency(province, name, "DEPARTMENT");
    }

    public static String agency(String province, String name, String level) {
        return insert(province, name, level, null, null);
    }

    /** A department that ended on {@code validTo} (merged, split or dissolved) before the test began. */
    public static String ended(String province, String name, LocalDate validTo) {
        return insert(province, name, "DEPARTMENT", null, validTo);
    }

    /** A ministry: a central body (province 00), the root of its own tree. */
    public static String ministry(String name) {
        return insert("00", name, "MINISTRY", null, null);
    }

    /** A unit of a ministry (province 00) in the ministry's tree. */
    public static String unitOf(String ministry, String name) {
        return insert("00", name, "MINISTRY_UNIT", ministry, null);
    }

    private static String insert(String province, String name, String level, String parent, LocalDate validTo) {
        UUID id = UUID.randomUUID();
        int n = SEQ.incrementAndGet();
        // codes look like the national register's (000.00.00.H24); unique within the run, with a random part across runs;
        // in force since 2000, before every year the tests look at (2013 on)
        String code = String.format("%03d.%02d.%02d.H%s", n % 1000, n / 1000 % 100, (int) (Math.random() * 100), province);
        TestDb.update(db(), "insert into agency_directory (id, code, name, level, parent_id, province_code, root_id, valid_from, valid_to, "
                + "revision, updated_at) values ('" + id + "', '" + code + "', " + literal(name) + ", '" + level + "', " + literal(parent)
                + ", '" + province + "', '" + (parent == null ? id.toString() : root(parent)) + "', '2000-01-01', " + literal(validTo)
                + ", 0, now())");
        return id.toString();
    }

    private static String root(String agency) {
        return TestDb.value(db(), "select root_id from agency_directory where id = '" + agency + "'");
    }

    private static String literal(Object value) {
        return value == null ? "null" : "'" + value.toString().replace("'", "''") + "'";
    }

    /**
     * The agency ended on {@code validTo}, as document-service says after a merger or split (agency.updated on the real
     * broker, so whatever the service does on it happens); returns once the service's directory has it.
     */
    public static void end(String agency, LocalDate validTo) {
        String row = "from agency_directory where id = '" + agency + "'";
        String parent = TestDb.value(db(), "select parent_id " + row);
        TestKafka.publishCloudEvent("document.events", agency, "vn.govqms.document.agency.updated.v1", "agencies/" + agency, """
                {"agencyId":"%s","code":"%s","name":"%s","level":"%s","parentId":%s,"provinceCode":"%s","rootId":"%s",
                 "validFrom":"2000-01-01","validTo":"%s","revision":%d}""".formatted(agency, value("select code " + row),
                value("select name " + row).replace("\"", "\\\""), value("select level " + row),
                parent == null ? "null" : "\"" + parent + "\"", value("select province_code " + row), value("select root_id " + row),
                validTo, count("select revision " + row) + 1));
        awaitCount("select count(*) " + row + " and valid_to = '" + validTo + "'", 1);
    }

    /** The agency's code in the directory. */
    public static String code(String agency) {
        return value("select code from agency_directory where id = '" + agency + "'");
    }

    /** A name no other test of this run uses: {@code prefix-17-3fa9c1}. */
    public static String unique(String prefix) {
        return prefix + "-" + SEQ.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    // the people: TestTokens, named for the roles the tests use most

    public static String admin(String province) {
        return TestTokens.provinceAdmin(province);
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

    /** An event of another service on its topic ({@code service}.events), keyed by agency; returns the event id. */
    public static String publish(String service, String fact, String agency, String json) {
        return TestKafka.publishCloudEvent(service + ".events", agency, "vn.govqms." + service + "." + fact + ".v1",
                fact + "/" + agency, json);
    }

    /**
     * True once a record of {@code vn.govqms.<service>.<fact>.v1} keyed by {@code key} whose value contains {@code text}
     * (null: any) is on {@code <service>.events} (20 s at most).
     */
    public static boolean published(String service, String key, String fact, String text) {
        String type = "vn.govqms." + service + "." + fact + ".v1";
        return !TestKafka.await(service + ".events", r -> key.equals(r.key()) && type.equals(TestKafka.header(r, "ce_type"))
                && (text == null || r.value().contains(text)), Duration.ofSeconds(20)).isEmpty();
    }

    // the service's database

    public static long count(String sql) {
        return TestDb.count(db(), sql);
    }

    public static String value(String sql) {
        return TestDb.value(db(), sql);
    }

    public static int update(String sql) {
        return TestDb.update(db(), sql);
    }

    /** Waits (30 s at most) until the count is {@code expected}. */
    public static void awaitCount(String sql, long expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> count(sql) == expected);
    }

    /** Statements of the service waiting for a lock whose text contains {@code text}. */
    public static long waitingForLock(String text) {
        return count("select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' "
                + "and query like '%" + text + "%' and pid <> pg_backend_pid()");
    }

    /** A connection of the test's own to the service's database, for a transaction the test holds open. */
    public static Connection connection() throws SQLException {
        return DriverManager.getConnection(System.getProperty(RealParts.POSTGRES_PROPERTY) + db(),
                System.getProperty(RealParts.POSTGRES_USER_PROPERTY), "");
    }
}
