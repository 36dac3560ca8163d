package vn.govqms.kit.cors;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;
import java.util.Set;

/**
 * Production refuses to start when the CORS origins ({@code GOVQMS_CORS_ORIGINS}, handed to Quarkus's filter as
 * {@code quarkus.http.cors.origins}, which is read here so that setting it directly is caught too) let any page call the
 * API: a token leaked to any site could then be used from a browser anywhere. Named origins only; the local run and the
 * tests are not production.
 */
@ApplicationScoped
public class CorsGuard {

    private static final Set<String> ANY_ORIGIN = Set.of("*", "/.*/", "/.+/", "/*/");

    void check(@Observes StartupEvent start) {
        if (ConfigUtils.isProfileActive("prod")) {
            refuseAnyOrigin(ConfigProvider.getConfig().getOptionalValues("quarkus.http.cors.origins", String.class).orElse(List.of()));
        }
    }

    /** Throws when one of {@code origins} stands for every origin. */
    static void refuseAnyOrigin(List<String> origins) {
        for (String origin : origins) {
            if (ANY_ORIGIN.contains(origin.trim())) {
                throw new IllegalStateException("govqms.cors.origins (GOVQMS_CORS_ORIGINS) is '" + origin.trim()
                        + "': production allows named origins only, e.g. https://dashboard.bacninh.gov.vn");
            }
        }
    }
}
