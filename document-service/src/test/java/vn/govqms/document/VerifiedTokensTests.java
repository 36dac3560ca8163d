package vn.govqms.document;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.govqms.kit.security.VerifiedTokens;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static vn.govqms.local.testing.Problems.problem;

/** A token verified once is remembered by its exact text: the refusals stay what they were. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class VerifiedTokensTests {

    @Inject
    JWTParser parser;

    @Test
    void theServiceVerifiesTokensThroughTheKitsRememberingParser() {
        assertInstanceOf(VerifiedTokens.class, ClientProxy.unwrap(parser));
    }

    @Test
    void aTokenAcceptedOnceIsStillRefusedWhenAnyCharacterOfItsSignatureChanges() {
        String token = TestTokens.provinceAdmin("24");
        given().auth().oauth2(token).get("/api/v1/agencies?provinceCode=24").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/agencies?provinceCode=24").then().statusCode(200);
        char last = token.charAt(token.length() - 2);
        String forged = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        given().auth().oauth2(forged).get("/api/v1/agencies?provinceCode=24").then().spec(problem(401, "unauthorized"));
    }

    @Test
    void expiredAndForeignTokensAreRefusedAfterAGoodOneOfTheSameCaller() {
        given().auth().oauth2(TestTokens.provinceAdmin("24")).get("/api/v1/agencies?provinceCode=24").then().statusCode(200);
        given().auth().oauth2(TestTokens.expired("province-admin", "24")).get("/api/v1/agencies?provinceCode=24")
                .then().spec(problem(401, "unauthorized"));
        given().auth().oauth2(TestTokens.signedByStranger("province-admin", "24")).get("/api/v1/agencies?provinceCode=24")
                .then().spec(problem(401, "unauthorized"));
    }
}
