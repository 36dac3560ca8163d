package vn.govqms.e2e;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.govqms.local.DashboardServer;
import vn.govqms.local.LocalStack;
import vn.govqms.local.VietnamTime;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The reference province dashboard (deploy/dashboard) in headless Chromium against the stack with the demo loaded, as
 * Bắc Ninh's steering committee opens it: the bands of 2014 (Bắc Giang's official assessments, 6/14/19/4 of 43) in the
 * Vietnamese number format; then a corrective action recorded already overdue, through the API, moves the page: the live
 * feed names the agency (its live score falling, score.changed, or the action's corrective-action.overdue, whichever the
 * stream brings first) and the overdue panel counts the action. A screenshot is kept in target/dashboard.png. Without Debian's chromium and
 * chromium-driver (.ci/browser installs them) the test is skipped, saying so.
 */
class DashboardBrowserIT {

    private static final String PROVINCE = "24";

    @Test
    void theCommitteeSeesTheBandsAndAnOverdueActionArrivesLive() {
        Path chromium = firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser");
        Path driverBinary = firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        assumeTrue(chromium != null && driverBinary != null,
                "Chromium is absent (Debian: apt-get install chromium chromium-driver, as .ci/browser does as root): the dashboard's browser test is skipped");

        LocalStack stack = E2eStack.get();
        E2eStack.demo();
        Path repo = Path.of(System.getProperty("govqms.repo", "../..")).toAbsolutePath().normalize();
        String token = stack.keys().token("dashboard-e2e@" + PROVINCE, "province-admin", null, PROVINCE, Duration.ofHours(1));
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1500", "--lang=vi-VN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driverBinary.toFile()).usingAnyFreePort().build();
        try (DashboardServer page = DashboardServer.start(DashboardServer.dist(repo), E2eStack.DASHBOARD_PAGE_PORT, new DashboardServer.Config(
                url(stack, "document-service"), url(stack, "audit-service"), url(stack, "scoring-service"), url(stack, "notification-service"),
                token, PROVINCE))) {
            WebDriver browser = new ChromeDriver(service, options);
            try {
                long t0 = System.nanoTime();
                browser.get(page.url());
                new WebDriverWait(browser, Duration.ofSeconds(60)).until(b -> b.findElement(By.tagName("body")).getDomAttribute("data-ready") != null);
                assertEquals("true", browser.findElement(By.tagName("body")).getDomAttribute("data-ready"),
                        () -> browser.findElement(By.id("status")).getText());
                System.out.printf("e2e: the dashboard was ready in the browser in %.1f s%n", (System.nanoTime() - t0) / 1e9);

                assertEquals("Xếp loại kết quả đánh giá chính thức năm 2014", browser.findElement(By.id("bands-title")).getText());
                Map<String, List<String>> expected = Map.of("VERY_GOOD", List.of("6", "13,95 %"), "GOOD", List.of("14", "32,56 %"),
                        "FAIR", List.of("19", "44,19 %"), "AVERAGE", List.of("4", "9,30 %"));
                expected.forEach((band, figures) -> {
                    WebElement row = browser.findElement(By.cssSelector("tr[data-band='" + band + "']"));
                    assertEquals(figures, List.of(row.findElement(By.className("count")).getText(), row.findElement(By.className("share")).getText()),
                            band);
                });
                assertEquals(10, browser.findElements(By.cssSelector("#bottom-body tr")).size());

                Path shot = repo.resolve("deploy/e2e/target/dashboard.png");
                screenshot(browser, shot);

                String agency = overdueActionThroughTheApi(stack);
                long t1 = System.nanoTime();
                // after the demo's load the services may still be working through its events: the feed follows them in order
                new WebDriverWait(browser, Duration.ofSeconds(120)).withMessage(() -> {
                    screenshot(browser, repo.resolve("deploy/e2e/target/dashboard-failed.png"));
                    return "no overdue action of " + agency + " in the page; status: " + browser.findElement(By.id("status")).getText()
                            + "; feed: " + browser.findElement(By.id("feed")).getText().lines().limit(5).toList()
                            + "; overdue: " + browser.findElement(By.id("overdue-body")).getText().lines().limit(5).toList();
                }).until(b ->
                        b.findElement(By.id("feed")).getText().contains("UBND xã Tam Đa")
                        && !b.findElements(By.cssSelector("#overdue-body tr[data-agency='" + agency + "']")).isEmpty());
                System.out.printf("e2e: the overdue corrective action reached the dashboard's live feed %.1f s after it was recorded%n",
                        (System.nanoTime() - t1) / 1e9);
                WebElement overdueRow = browser.findElement(By.cssSelector("#overdue-body tr[data-agency='" + agency + "']"));
                assertEquals("1", overdueRow.findElements(By.tagName("td")).get(2).getText());

                screenshot(browser, shot);
                System.out.println("e2e: the dashboard's screenshot: " + shot);
            } finally {
                browser.quit();
            }
        }
    }

    /**
     * As InspectionOverdueIT: an inspection of a new commune of the province finds a nonconformity, whose corrective action
     * is recorded with a due date already past; the agency's ISO officer is a contact, so the overdue action notifies
     * someone and enters the live stream.
     */
    private static String overdueActionThroughTheApi(LocalStack stack) {
        String admin = AgencyPropagationIT.adminToken(stack, PROVINCE);
        String agency = AgencyPropagationIT.register(stack, admin, PROVINCE, "UBND xã Tam Đa");
        String dost = AgencyPropagationIT.register(stack, admin, PROVINCE, "Chi cục Tiêu chuẩn Đo lường Chất lượng Bắc Ninh");
        for (String id : List.of(agency, dost)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    InspectionOverdueIT.audit(stack, "province-admin", null, PROVINCE).get("/api/v1/agencies/{id}", id).then().statusCode(200));
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> RestAssured.given()
                .baseUri(url(stack, "notification-service")).auth().oauth2(admin).get("/api/v1/agencies/{id}", agency).then().statusCode(200));
        RestAssured.given().baseUri(url(stack, "notification-service")).auth().oauth2(admin).contentType("application/json")
                .body("""
                        {"agencyId":"%s","subject":"iso.tamda@bacninh","name":"Nguyễn Văn Bình","email":"iso@tamda.bacninh.gov.vn","roles":["ISO_OFFICER"]}"""
                        .formatted(agency)).post("/api/v1/contacts").then().statusCode(201);
        String inspection = InspectionOverdueIT.audit(stack, "province-admin", null, PROVINCE).body("""
                {"agencyId":"%s","kind":"PROVINCIAL_INSPECTION","mode":"ON_SITE","title":"Kiểm tra việc áp dụng HTQLCL năm 2026",
                 "plannedStart":"2026-11-08","plannedEnd":"2026-11-10",
                 "team":[{"subject":"auditor-%s","fullName":"Lê Thị Hoa","agencyId":"%s","unit":"Chi cục TĐC","role":"LEAD"}]}"""
                .formatted(agency, dost, dost)).post("/api/v1/audits").then().statusCode(201).extract().path("id");
        InspectionOverdueIT.audit(stack, "auditor", dost, PROVINCE).post("/api/v1/audits/{id}/start", inspection).then().statusCode(200);
        String finding = InspectionOverdueIT.audit(stack, "auditor", dost, PROVINCE).body("""
                {"clause":"10.2","kind":"MAJOR_NONCONFORMITY","description":"Không thực hiện hành động khắc phục sau đánh giá nội bộ"}""")
                .post("/api/v1/audits/{id}/findings", inspection).then().statusCode(201).extract().path("id");
        InspectionOverdueIT.audit(stack, "iso-officer", agency, PROVINCE).body("""
                {"findingId":"%s","title":"Lập và thực hiện kế hoạch khắc phục","rootCause":"Chưa phân công người theo dõi",
                 "action":"Phân công cán bộ ISO theo dõi; báo cáo hằng tháng","owner":"iso-officer-%s","dueDate":"%s"}"""
                .formatted(finding, agency, VietnamTime.today().minusDays(16))).post("/api/v1/corrective-actions").then().statusCode(201)
                .body("overdue", equalTo(true));
        return agency;
    }

    private static void screenshot(WebDriver browser, Path to) {
        try {
            Files.createDirectories(to.getParent());
            File taken = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(taken.toPath(), to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path firstExisting(String... candidates) {
        return Stream.of(candidates).map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
    }

    private static String url(LocalStack stack, String service) {
        return stack.service(service).baseUrl();
    }
}
