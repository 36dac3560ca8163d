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

    private static OpenAPI document(Operation get, Operation post) {
        SecurityScheme bearer = OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT");
        return OASFactory.createOpenAPI()
                .components(OASFactory.createComponents().addSecurityScheme("bearer", bearer))
                .paths(OASFactory.createPaths().addPathItem("/api/v1/contacts",
                        OASFactory.createPathItem().GET(get).POST(post)));
    }
}
