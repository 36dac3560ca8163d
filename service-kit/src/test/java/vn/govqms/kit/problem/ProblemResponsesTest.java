package vn.govqms.kit.problem;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemResponsesTest {

    @Test
    void everyOperationWithoutSecurityOfItsOwnTakesTheBearerScheme() {
        Operation plain = OASFactory.createOperation().operationId("listContacts");
        Operation open = OASFactory.createOperation().operationId("publicThing").security(List.of());
        OpenAPI api = document(plain, open);

        new ProblemResponses().filterOpenAPI(api);

        assertEquals(1, plain.getSecurity().size());
        assertEquals(Map.of("bearer", List.of()), plain.getSecurity().get(0).getSchemes());
        assertNotNull(plain.getResponses().getAPIResponse("401"), "a secured operation lists 401");
        assertNotNull(plain.getResponses().getAPIResponse("403"), "a secured operation lists 403");
        assertTrue(open.getSecurity().isEmpty(), "an operation that declares no requirement keeps it");
        assertNull(open.getResponses().getAPIResponse("401"));
    }

    @Test
    void aSyncFeedsReadSaysWhatItsPageIsAndIsNotTagged() {
        Operation feed = OASFactory.createOperation().operationId("syncContacts").responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("OK").content(OASFactory.createContent()
                        .addMediaType("application/json", OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("#/components/schemas/ChangesContactView"))))));
        OpenAPI api = document(feed, OASFactory.createOperation().operationId("createContact"));

        new ProblemResponses().filterOpenAPI(api);

        assertEquals("The changes and the next token", feed.getResponses().getAPIResponse("200").getDescription());
        assertNull(feed.getResponses().getAPIResponse("200").getHeaders(), "a page of changes carries no ETag");
        assertNull(feed.getResponses().getAPIResponse("304"));
    }

    private static OpenAPI document(Operation get, Operation post) {
        SecurityScheme bearer = OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT");
        return OASFactory.createOpenAPI()
                .components(OASFactory.createComponents().addSecurityScheme("bearer", bearer))
                .paths(OASFactory.createPaths().addPathItem("/api/v1/contacts",
                        OASFactory.createPathItem().GET(get).POST(post)));
    }
}
