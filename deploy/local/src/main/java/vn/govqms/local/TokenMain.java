package vn.govqms.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * {@code deploy/local/token ROLE [--agency ID] [--province CODE] [--sub NAME] [--hours N]}: prints a JWT that
 * the services of the local run accept (signed with the key pair in the data folder).
 */
public final class TokenMain {

    private static final Set<String> ROLES = Set.of("national-admin", "ministry-admin", "province-admin", "agency-head", "iso-officer", "auditor", "viewer",
            "integration");
    private static final String USAGE = "usage: deploy/local/token ROLE [--agency ID] [--province CODE] [--sub NAME] [--hours N]\n"
            + "  ROLE is one of " + String.join(", ", ROLES.stream().sorted().toList());

    private TokenMain() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || !ROLES.contains(args[0])) {
            System.err.println(USAGE);
            System.exit(2);
        }
        String role = args[0];
        String agency = null;
        String province = null;
        String sub = null;
        long hours = 8;
        Path data = Path.of(System.getProperty("govqms.repo", ".")).toAbsolutePath().normalize().resolve(".data");
        for (int i = 1; i < args.length; i++) {
            if (i + 1 >= args.length) {
                System.err.println(USAGE);
                System.exit(2);
            }
            switch (args[i]) {
                case "--agency" -> agency = args[++i];
                case "--province" -> province = args[++i];
                case "--sub" -> sub = args[++i];
                case "--hours" -> hours = Long.parseLong(args[++i]);
                case "--data" -> data = Path.of(args[++i]);
                default -> {
                    System.err.println(USAGE);
                    System.exit(2);
                }
            }
        }
        if (role.equals("ministry-admin") && agency == null) {
            System.err.println("ministry-admin needs --agency ROOT_ID (the ministry's root agency)");
            System.exit(2);
        }
        if ((role.equals("province-admin") || role.equals("integration")) && province == null) {
            System.err.println(role + " needs --province CODE");
            System.exit(2);
        }
        if (sub == null) {
            sub = role + (agency != null ? "@" + agency : province != null ? "@" + province : "");
        }
        System.out.println(JwtKeys.inFolder(data.resolve("jwt")).token(sub, role, agency, province, Duration.ofHours(hours)));
    }
}
