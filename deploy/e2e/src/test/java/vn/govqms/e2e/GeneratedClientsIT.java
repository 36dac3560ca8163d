package vn.govqms.e2e;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.govqms.client.ApiClient;
import vn.govqms.client.ApiException;
import vn.govqms.client.document.api.AgenciesApi;
import vn.govqms.client.document.model.Agency;
import vn.govqms.client.document.model.AgencyLevel;
import vn.govqms.client.document.model.NewAgency;
import vn.govqms.client.notification.api.LiveStreamApi;
import vn.govqms.client.notification.model.StreamTicket;
import vn.govqms.client.notification.model.StreamTicketInput;
import vn.govqms.client.scoring.api.AgencyDirectoryApi;
import vn.govqms.client.scoring.api.RankingsAndStatisticsApi;
import vn.govqms.client.scoring.model.BandDistribution;
import vn.govqms.client.scoring.model.DirectoryAgency;
import vn.govqms.local.LocalStack;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stack as an integrator's system and a dashboard meet it: calls through the Java client generated from the services'
 * OpenAPI documents (deploy/clients/java), so a change of the API that breaks the client fails the build, and the CORS
 * preflight of a dashboard page on every service.
 */
class GeneratedClientsIT {

    static final String PROVINCE = "49";

    @Test
    void everyServiceAnswersADashboardsPreflight() {
        LocalStack stack = E2eStack.get();
        for (String service : new String[] {"document-service", "audit-service", "scoring-service", "notification-service"}) {
            Response allowed = preflight(stack, service, E2eStack.DASHBOARD);
            assertEquals(200, allowed.statusCode(), service);
            assertEquals(E2eStack.DASHBOARD, allowed.header("Access-Control-Allow-Origin"), service);
            assertTrue(allowed.header("Access-Control-Allow-Headers").toLowerCase().contains("authorization"), service);

            Response other = preflight(stack, service, "https://evil.example.com");
            assertNull(other.header("Access-Control-Allow-Origin"), service);
        }
    }

    static Response preflight(LocalStack stack, String service, String origin) {
        return given().baseUri(stack.service(service).baseUrl()).header("Origin", origin)
                .header("Access-Control-Request-Method", "GET").header("Access-Control-Request-Headers", "authorization,if-none-match")
                .options("/api/v1/audit-trail");
    }

    @Test
    void aProvinceWorksThroughTheGeneratedClient() throws Exception {
        Api api = Api.get();
        String admin = api.token("province-admin", null, PROVINCE);
        AgenciesApi agencies = new AgenciesApi(client(api, "document-service", admin));

        Agency registered = agencies.registerAgency(new NewAgency().code("000.19.49.H49").name("Sở Khoa học và Công nghệ tỉnh Quảng Nam")
                .level(AgencyLevel.DEPARTMENT).provinceCode(PROVINCE).validFrom(LocalDate.of(2008, 4, 1)));
        UUID id = registered.getId();
        Agency read = agencies.getAgency(id);
        assertEquals("Sở Khoa học và Công nghệ tỉnh Quảng Nam", read.getName());
        assertEquals(AgencyLevel.DEPARTMENT, read.getLevel());

        // refusals come back as the client's exception, with the status and the problem+json body
        ApiException duplicate = assertThrows(ApiException.class,
                () -> agencies.registerAgency(new NewAgency().code("000.19.49.H49").name("Sở Khoa học và Công nghệ tỉnh Quảng Nam")
                        .level(AgencyLevel.DEPARTMENT).provinceCode(PROVINCE)));
        assertEquals(409, duplicate.getCode());
        ApiException otherProvince = assertThrows(ApiException.class,
                () -> new AgenciesApi(client(api, "document-service", api.token("province-admin", null, "02"))).getAgency(id));
        assertTrue(otherProvince.getCode() == 403 || otherProvince.getCode() == 404, "outside the caller's province: " + otherProvince.getCode());
        assertTrue(otherProvince.getResponseBody().contains("\"status\""), otherProvince.getResponseBody());

        // scoring-service learns the agency from document-service's events; its distribution of a province without scores is empty
        ApiClient scoring = client(api, "scoring-service", admin);
        DirectoryAgency known = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .until(() -> new AgencyDirectoryApi(scoring).getDirectoryAgency(id), a -> a != null);
        assertEquals("000.19.49.H49", known.getCode());
        BandDistribution bands = new RankingsAndStatisticsApi(scoring).bandDistribution(null, null, PROVINCE, null, null);
        assertEquals(PROVINCE, bands.getProvinceCode());
        assertEquals(0L, bands.getTotal());

        // a dashboard's stream ticket, narrowed to the agency
        StreamTicket ticket = new LiveStreamApi(client(api, "notification-service", admin)).createStreamTicket(new StreamTicketInput().agencyId(id));
        assertTrue(ticket.getStreamUrl().startsWith("/api/v1/notifications/stream?ticket="), ticket.getStreamUrl());
    }

    /** The client of one service: its address in the stack, the bearer token on every request, HTTP/1.1 as the services speak it. */
    static ApiClient client(Api api, String service, String token) {
        ApiClient c = new ApiClient();
        c.updateBaseUri(api.stack().service(service).baseUrl());
        c.setHttpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1));
        c.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + token));
        return c;
    }
}
