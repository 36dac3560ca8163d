package vn.govqms.notification;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.govqms.local.testing.AgencyDirectoryContractTests;
import vn.govqms.local.testing.RealPartsTestResource;

/** notification-service keeps the agency directory from document.events (real broker, real database). */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = {@ResourceArg(name = "database", value = "notification"), @ResourceArg(name = "mail", value = "true")})
class AgencyDirectoryTests extends AgencyDirectoryContractTests {

    @Override
    protected String database() {
        return "notification";
    }
}
