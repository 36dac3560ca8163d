package vn.govqms.local.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import vn.govqms.local.Ports;
import vn.govqms.local.S3Server;

import java.nio.file.Path;
import java.util.Map;

/**
 * A real S3-compatible server (S3Proxy, {@link S3Server}) for tests of object storage, started once per test JVM:
 * as a Quarkus test resource it points document-service's attachments at it
 * ({@code govqms.attachments.storage=s3}); plain tests take {@link #server()}.
 */
public class S3TestResource implements QuarkusTestResourceLifecycleManager {

    private static S3Server server;

    /** The server of this JVM, started on first use and stopped when the JVM ends. */
    public static synchronized S3Server server() {
        if (server == null) {
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "govqms-s3-" + ProcessHandle.current().pid());
            server = S3Server.start(dir, Ports.free());
            S3Server started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "govqms-s3-stop"));
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        S3Server s3 = server();
        return Map.of("govqms.attachments.storage", "s3",
                "govqms.attachments.s3.endpoint", s3.endpoint().toString(),
                "govqms.attachments.s3.access-key-id", S3Server.ACCESS_KEY,
                "govqms.attachments.s3.secret-access-key", S3Server.SECRET_KEY,
                "govqms.attachments.s3.bucket", "govqms-attachments-test");
    }

    @Override
    public void stop() {
        // the server lives as long as the JVM: a shutdown hook stops it
    }
}
