package vn.govqms.kit.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Fails the start of a service in the prod profile whose token verification is not configured: without an issuer
 * smallrye-jwt accepts tokens of any issuer that the key verifies, and without a key every request is refused with no
 * word on why. Checked once at start, with a message that names the variables to set.
 */
@ApplicationScoped
public class TokenSettingsCheck {

    static final String ISSUER = "mp.jwt.verify.issuer";
    static final String KEY_LOCATION = "mp.jwt.verify.publickey.location";
    static final String KEY = "mp.jwt.verify.publickey";
    static final String AUDIENCES = "mp.jwt.verify.audiences";
    /** The issuer of the local run's and the tests' own key: never a production issuer. */
    static final String LOCAL_ISSUER = "https://govqms.local/issuer";

    void onStart(@Observes StartupEvent start, Config config) {
        if (ConfigUtils.getProfiles().contains("prod")) {
            List<String> problems = problems(name -> config.getOptionalValue(name, String.class));
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Token verification is not configured for production: " + String.join("; ", problems));
            }
        }
    }

    /** What keeps the settings from verifying production tokens (empty: nothing); {@code setting} reads a configuration value. */
    static List<String> problems(Function<String, Optional<String>> setting) {
        List<String> problems = new ArrayList<>();
        Optional<String> issuer = setting.apply(ISSUER).filter(v -> !v.isBlank());
        if (issuer.isEmpty()) {
            problems.add("no issuer (set MP_JWT_VERIFY_ISSUER to the identity provider's issuer, e.g. https://sso.example.gov.vn/realms/govqms)");
        } else if (issuer.get().equals(LOCAL_ISSUER)) {
            problems.add("the issuer is the local run's " + LOCAL_ISSUER + " (set MP_JWT_VERIFY_ISSUER to the identity provider's issuer)");
        }
        if (setting.apply(KEY_LOCATION).filter(v -> !v.isBlank()).isEmpty() && setting.apply(KEY).filter(v -> !v.isBlank()).isEmpty()) {
            problems.add("no key location (set MP_JWT_VERIFY_PUBLICKEY_LOCATION to the identity provider's JWKS URL)");
        }
        if (setting.apply(AUDIENCES).filter(v -> !v.isBlank()).isEmpty()) {
            problems.add("no audience (MP_JWT_VERIFY_AUDIENCES, e.g. govqms)");
        }
        return problems;
    }
}
