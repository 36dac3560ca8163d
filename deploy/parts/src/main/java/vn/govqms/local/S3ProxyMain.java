package vn.govqms.local;

/**
 * S3Proxy as a process of its own: {@code S3ProxyMain CONF PARENT_PID}. S3Proxy's own main serves until the process
 * ends; this one also ends it when the parent JVM goes, however it went.
 */
public final class S3ProxyMain {

    private S3ProxyMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: S3ProxyMain CONF PARENT_PID");
            System.exit(2);
        }
        ProcessHandle.of(Long.parseLong(args[1])).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> System.exit(0)),
                () -> System.exit(0));
        // by name: S3Proxy is on this process's classpath only, never on a service's
        Class.forName("org.gaul.s3proxy.Main").getMethod("main", String[].class)
                .invoke(null, (Object) new String[] {"--properties", args[0]});
    }
}
