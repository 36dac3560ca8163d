package vn.govqms.kit.security;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenSettingsCheckTest {

    static List<String> problems(Map<String, String> settings) {
        return TokenSettingsCheck.problems(name -> Optional.ofNullable(settings.get(name)));
    }

    @Test
    void productionNeedsAnIssuerAKeyAndAnAudience() {
        List<String> none = problems(Map.of());
        assertEquals(3, none.size());
        assertTrue(none.get(0).startsWith("no issuer (set MP_JWT_VERIFY_ISSUER"), none.get(0));
        assertTrue(none.get(1).startsWith("no key location (set MP_JWT_VERIFY_PUBLICKEY_LOCATION"), none.get(1));
        assertTrue(none.get(2).startsWith("no audience"), none.get(2));
        assertEquals(List.of(), problems(Map.of(TokenSettingsCheck.ISSUER, "https://sso.example.gov.vn/realms/govqms",
                TokenSettingsCheck.KEY_LOCATION, "https://sso.example.gov.vn/realms/govqms/protocol/openid-connect/certs",
                TokenSettingsCheck.AUDIENCES, "govqms")));
        // an inline key does as well as a location; a blank value is no value
        assertEquals(List.of(), problems(Map.of(TokenSettingsCheck.ISSUER, "https://sso.example.gov.vn/realms/govqms",
                TokenSettingsCheck.KEY, "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA", TokenSettingsCheck.AUDIENCES, "govqms")));
        assertEquals(1, problems(Map.of(TokenSettingsCheck.ISSUER, " ", TokenSettingsCheck.KEY_LOCATION, "file:/keys/public.pem",
                TokenSettingsCheck.AUDIENCES, "govqms")).size());
    }

    @Test
    void theLocalRunsIssuerIsNoProductionIssuer() {
        List<String> p = problems(Map.of(TokenSettingsCheck.ISSUER, TokenSettingsCheck.LOCAL_ISSUER,
                TokenSettingsCheck.KEY_LOCATION, "file:/keys/public.pem", TokenSettingsCheck.AUDIENCES, "govqms"));
        assertEquals(1, p.size());
        assertTrue(p.get(0).contains("local run"), p.get(0));
    }

    @Test
    void theKitsDefaultsGiveTheProdProfileNoIssuerAndNoKeyButTheAudience() throws IOException {
        URL defaults = getClass().getResource("/META-INF/microprofile-config.properties");
        SmallRyeConfig prod = new SmallRyeConfigBuilder().withProfile("prod")
                .withSources(new PropertiesConfigSource(defaults, 100)).build();
        assertEquals(Optional.empty(), prod.getOptionalValue(TokenSettingsCheck.ISSUER, String.class));
        assertEquals(Optional.empty(), prod.getOptionalValue(TokenSettingsCheck.KEY_LOCATION, String.class));
        assertEquals(Optional.of("govqms"), prod.getOptionalValue(TokenSettingsCheck.AUDIENCES, String.class));
        List<String> p = TokenSettingsCheck.problems(name -> prod.getOptionalValue(name, String.class));
        assertEquals(2, p.size(), p.toString());
    }
}
