package vn.govqms.images;

import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The images' health check for runtimes that probe by running a command (compose): the images carry no curl, so
 * {@code java -jar /opt/govqms/health-probe.jar http://localhost:8080/q/health/ready} asks the service itself.
 * Exit status 0 when it answers 200, 1 otherwise (Kubernetes probes over HTTP and needs none of this).
 */
public final class HealthProbe {

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: java -jar health-probe.jar http://localhost:PORT/q/health/ready");
            System.exit(2);
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(args[0]).toURL().openConnection();
            connection.setConnectTimeout(2_000);
            connection.setReadTimeout(3_000);
            int status = connection.getResponseCode();
            System.out.println(args[0] + " " + status);
            System.exit(status == 200 ? 0 : 1);
        } catch (Exception e) {
            System.out.println(args[0] + " " + e);
            System.exit(1);
        }
    }

    private HealthProbe() {
    }
}
