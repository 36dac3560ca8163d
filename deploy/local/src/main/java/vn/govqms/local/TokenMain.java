package vn.govqms.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code deploy/local/token ROLE [--agency ID] [--province CODE] [--sub NAME] [--hours N]}: prints a JWT that
 * the services of the local run accept (signed with the key pair in the data folder). Each role gets the
 * claims its scope is decided from, and no others are asked for: see {@link #USAGE}.
 */
public final class TokenMain {

    private static final String CENTRAL = "00";
    private static final List<String> AGENCY_ROLES = List.of("agency-head", "iso-officer", "auditor", "viewer");
    private static final Set<String> ROLES = Set.of("national-admin", "ministry-admin", "province-admin", "agency-head", "iso-officer",
            "auditor", "viewer", "integration");
    static final String USAGE = """
            usage: deploy/local/token ROLE [--agency ID] [--province CODE] [--sub NAME] [--hours N] [--data DIR]
              national-admin                       every province and ministry, the national registers (no claims)
              ministry-admin --agency ROOT_ID      a ministry and its units: ROOT_ID is the ministry's own agency id
              province-admin --province CODE       a province (two digits, not 00: central bodies are their ministry's)
              agency-head|iso-officer|auditor|viewer --agency ID [--province CODE]
                                                   one agency (--province, when given, must be the agency's)
              integration --province CODE          a province's one-stop system
              "-" as the value of --agency or --province means none (for token commands that always pass both)""";

    private TokenMain() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || !ROLES.contains(args[0])) {
            fail(args.length == 0 ? null : "unknown role " + args[0]);
        }
        String role = args[0];
        String agency = null;
        String province = null;
        String sub = null;
        long hours = 8;
        Path data = Path.of(System.getProperty("govqms.repo", ".")).toAbsolutePath().normalize().resolve(".data");
        for (int i = 1; i < args.length; i++) {
            if (i + 1 >= args.length) {
                fail(args[i] + " lacks its value");
            }
            switch (args[i]) {
                case "--agency" -> agency = none(args[++i]);
                case "--province" -> province = none(args[++i]);
                case "--sub" -> sub = args[++i];
                case "--hours" -> hours = Long.parseLong(args[++i]);
                case "--data" -> data = Path.of(args[++i]);
                default -> fail("unknown option " + args[i]);
            }
        }
        String refusal = refusal(role, agency, province);
        if (refusal != null) {
            fail(refusal);
        }
        if (sub == null) {
            sub = role + (agency != null ? "@" + agency : province != null ? "@" + province : "");
        }
        System.out.println(JwtKeys.inFolder(data.resolve("jwt")).token(sub, role, agency, province, Duration.ofHours(hours)));
    }

    /** Why a role cannot have these claims (the services would refuse or misread such a token), or null. */
    static String refusal(String role, String agency, String province) {
        if (role.equals("national-admin") && (agency != null || province != null)) {
            return "national-admin carries no --agency or --province: it reads every province and ministry";
        }
        if (role.equals("ministry-admin") && (agency == null || province != null)) {
            return "ministry-admin needs --agency ROOT_ID (the ministry's root agency) and no --province";
        }
        if ((role.equals("province-admin") || role.equals("integration")) && (province == null || agency != null)) {
            return role + " needs --province CODE and no --agency";
        }
        if (role.equals("province-admin") && CENTRAL.equals(province)) {
            return "there is no province-admin of " + CENTRAL + ": central bodies are each their ministry's "
                    + "(ministry-admin --agency ROOT_ID), a ministry itself is registered by national-admin";
        }
        if (AGENCY_ROLES.contains(role) && agency == null) {
            return role + " needs --agency ID: an agency role is never widened to a province";
        }
        if (province != null && !province.matches("\\d{2}")) {
            return "--province takes a two-digit code such as 24";
        }
        return null;
    }

    private static String none(String value) {
        return value.isBlank() || value.equals("-") ? null : value;
    }

    private static void fail(String message) {
        if (message != null) {
            System.err.println(message);
        }
        System.err.println(USAGE);
        System.exit(2);
    }
}
