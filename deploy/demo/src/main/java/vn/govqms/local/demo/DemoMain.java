package vn.govqms.local.demo;

import vn.govqms.local.JwtKeys;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code deploy/local/demo}: loads the demo data into a running GovQMS, the local run by default.
 * Against another deployment: {@code --base-url http://host} (the services at ports 8081..8084 of that
 * host) or one URL per service, and {@code --token-command CMD}, run as {@code CMD ROLE PROVINCE [AGENCY_ID]}
 * ({@code PROVINCE} "-" for national-admin and ministry-admin), printing a token.
 */
public final class DemoMain {

    static final String DEFAULT_WEBHOOK = "http://127.0.0.1:12580" + WebhookReceiver.PATH;
    private static final String USAGE = """
            usage: deploy/local/demo [--base-url URL] [--document-url URL] [--audit-url URL] [--scoring-url URL]
                                     [--notification-url URL] [--token-command CMD] [--webhook-url URL | --no-webhook]
                                     [--data DIR] [--parallel N]
              --base-url URL        the four services on URL's host at ports 8081..8084 (default http://127.0.0.1)
              --document-url URL    document-service's base URL (likewise --audit-url, --scoring-url, --notification-url)
              --token-command CMD   run as `CMD ROLE PROVINCE [AGENCY_ID]`, prints a bearer token (default: signed with the
                                    local run's key in DIR/jwt); PROVINCE is "-" for the roles without one:
                                    `CMD national-admin -`, `CMD ministry-admin - ROOT_ID`; agency roles always get AGENCY_ID
              --webhook-url URL     where Bắc Ninh's webhook subscription delivers (default %s, which
                                    `deploy/local/run --demo` serves); --no-webhook: no subscription
              --data DIR            the local run's data folder (default .data)
              --parallel N          calls at once (default 8)""".formatted(DEFAULT_WEBHOOK);

    private DemoMain() {
    }

    public static void main(String[] args) {
        Path repo = Path.of(System.getProperty("govqms.repo", ".")).toAbsolutePath().normalize();
        Path data = repo.resolve(".data");
        Demo.Urls urls = Demo.Urls.local();
        String document = null;
        String audit = null;
        String scoring = null;
        String notification = null;
        String command = null;
        String webhook = DEFAULT_WEBHOOK;
        int parallel = 8;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--base-url" -> urls = Demo.Urls.onHost(args[++i]);
                    case "--document-url" -> document = trim(args[++i]);
                    case "--audit-url" -> audit = trim(args[++i]);
                    case "--scoring-url" -> scoring = trim(args[++i]);
                    case "--notification-url" -> notification = trim(args[++i]);
                    case "--token-command" -> command = args[++i];
                    case "--webhook-url" -> webhook = args[++i];
                    case "--no-webhook" -> webhook = null;
                    case "--data" -> data = Path.of(args[++i]).toAbsolutePath();
                    case "--parallel" -> parallel = Integer.parseInt(args[++i]);
                    case "-h", "--help" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
        } catch (RuntimeException e) {
            System.err.println(e instanceof ArrayIndexOutOfBoundsException ? "an option lacks its value" : e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
        DemoLoader.TokenSource tokens;
        if (command != null) {
            tokens = DemoLoader.TokenSource.command(command);
        } else {
            if (!Files.exists(data.resolve("jwt/private.pem"))) {
                System.err.println("No local signing key in " + data.resolve("jwt") + ": start GovQMS with deploy/local/run first, "
                        + "or give --token-command for another deployment.");
                System.exit(1);
            }
            tokens = DemoLoader.TokenSource.local(JwtKeys.inFolder(data.resolve("jwt")));
        }
        try {
            DemoLoader.load(new DemoLoader.Config(or(document, urls.document()), or(audit, urls.audit()), or(scoring, urls.scoring()),
                    or(notification, urls.notification()), tokens, webhook, parallel, System.out, command));
        } catch (RuntimeException e) {
            System.err.println("\nThe demo load stopped: " + e.getMessage());
            System.err.println("What was loaded stays; run it again once the cause is fixed (it skips what exists).");
            System.exit(1);
        }
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }
}
