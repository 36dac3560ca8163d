package vn.govqms.local.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
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

    private String database = "govqms";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        RealParts parts = RealParts.get();
        PostgresServer pg = parts.postgres();
        pg.createDatabase(database);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.username", pg.username());
        config.put("quarkus.datasource.password", pg.password());
        config.put("quarkus.datasource.reactive.url", pg.reactiveUrl(database));
        config.put("quarkus.datasource.jdbc.url", pg.jdbcUrl(database));
        config.put("kafka.bootstrap.servers", parts.kafka().bootstrapServers());
        config.put("mp.jwt.verify.publickey.location", parts.keys().publicKeyFile().toUri().toString());
        config.put("mp.jwt.verify.issuer", parts.keys().issuer());
        return config;
    }

    @Override
    public void stop() {
        // the parts live as long as the JVM: a shutdown hook stops them after the last test
    }
}
