package vn.govqms.local.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import vn.govqms.local.MailCatcher;
import vn.govqms.local.Ports;
import vn.govqms.local.PostgresServer;
import vn.govqms.local.RealParts;

import java.util.HashMap;
import java.util.Map;

/**
 * Gives a service's tests a real PostgreSQL database of their own and the real Kafka broker,
 * started once per test JVM. Use with {@code @WithTestResource(value = RealPartsTestResource.class,
 * scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = "database", value = "..."))}.
 */
public class RealPartsTestResource implements QuarkusTestResourceLifecycleManager {

    /** The system property naming the database of the service under test (what {@link Fixtures} writes to). */
    public static final String DATABASE_PROPERTY = "govqms.test.database";

    private static MailCatcher mail;

    private String database = "govqms";
    private boolean withMail;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        withMail = Boolean.parseBoolean(initArgs.getOrDefault("mail", "false"));
    }

    /** The SMTP server started for a test resource declared with {@code @ResourceArg(name = "mail", value = "true")}. */
    public static synchronized MailCatcher mail() {
        if (mail == null) {
            throw new IllegalStateException("no SMTP server: declare @ResourceArg(name = \"mail\", value = \"true\")");
        }
        return mail;
    }

    private static synchronized MailCatcher startMail() {
        if (mail == null) {
            mail = MailCatcher.start(Ports.free());
            Runtime.getRuntime().addShutdownHook(new Thread(mail::close, "govqms-smtp-stop"));
        }
        return mail;
    }

    @Override
    public Map<String, String> start() {
        RealParts parts = RealParts.get();
        PostgresServer pg = parts.postgres();
        pg.createDatabase(database);
        System.setProperty(DATABASE_PROPERTY, database);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.username", pg.username());
        config.put("quarkus.datasource.password", pg.password());
        config.put("quarkus.datasource.reactive.url", pg.reactiveUrl(database));
        config.put("quarkus.datasource.jdbc.url", pg.jdbcUrl(database));
        config.put("kafka.bootstrap.servers", parts.kafka().bootstrapServers());
        config.put("mp.jwt.verify.publickey.location", parts.keys().publicKeyFile().toUri().toString());
        config.put("mp.jwt.verify.issuer", parts.keys().issuer());
        if (withMail) {
            MailCatcher smtp = startMail();
            config.put("quarkus.mailer.host", "127.0.0.1");
            config.put("quarkus.mailer.port", Integer.toString(smtp.port()));
            config.put("quarkus.mailer.mock", "false");
        }
        return config;
    }

    @Override
    public void stop() {
        // the parts live as long as the JVM: a shutdown hook stops them after the last test
    }
}
