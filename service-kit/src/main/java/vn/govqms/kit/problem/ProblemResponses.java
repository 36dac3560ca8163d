package vn.govqms.kit.problem;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The standard problem responses of every operation, by convention, so that resources declare only what is
 * particular to them (a 409 that names the state, a 422 that names the rule). Registered with
 * {@code mp.openapi.filter} in the kit's configuration. Every operation that declares no security of its own
 * requires the one bearer scheme (every /api path takes a token; an operation that declares an empty list of requirements keeps it),
 * so resources do not repeat it. Per operation:
 * 401 and 403 when it is secured; 400 when it takes parameters or a body; 413 when it takes a body (the kit's
 * {@code BodyLimit}); 404 when its path has a parameter; 409, 412 and 428 when it takes {@code If-Match}; 422 on
 * writes; on a read of one JSON object (not a list or a page), the {@code ETag} header of its 200 and the 304 of
 * {@code If-None-Match} (the kit's {@code web.ConditionalGet}); on a sync feed's read, the words of its 200. Every 4xx and 5xx response, declared or added, is the one {@code Problem} schema as
 * {@code application/problem+json}; a declared 429 also gets its {@code Retry-After} header.
 */
public class ProblemResponses implements OASFilter {

    static final String SCHEMA = "Problem";
    static final String FIELD_ERROR = "FieldError";
    private static final String REF = "#/components/schemas/" + SCHEMA;
    private static final String JSON = "application/json";
    private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);
    /** Descriptions Quarkus gives the responses it adds itself; ours say more. */
    private static final Set<String> GENERIC = Set.of("OK", "Not Authorized", "Not Allowed", "Bad Request");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema(SCHEMA, problemSchema());
        components.addSchema(FIELD_ERROR, fieldErrorSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean securedByDefault = openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        String bearer = components.getSecuritySchemes() != null && components.getSecuritySchemes().size() == 1
                ? components.getSecuritySchemes().keySet().iterator().next() : null;
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (bearer != null && operation.getSecurity() == null && !securedByDefault) {
                operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(bearer));
            }
            complete(path, item, method, operation, securedByDefault);
        }));
    }

    private static void complete(String path, PathItem item, PathItem.HttpMethod method, Operation operation, boolean securedByDefault) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean secured = operation.getSecurity() == null ? securedByDefault
                : operation.getSecurity().stream().anyMatch(s -> s.getSchemes() != null && !s.getSchemes().isEmpty());
        boolean body = operation.getRequestBody() != null;
        boolean parameters = !parameters(item.getParameters()).isEmpty() || !parameters(operation.getParameters()).isEmpty();
        boolean ifMatch = takesIfMatch(item.getParameters()) || takesIfMatch(operation.getParameters());
        if (secured) {
            ensure(responses, "401", "No valid bearer token");
            ensure(responses, "403", "Outside the caller's role or scope");
        }
        if (parameters || body) {
            ensure(responses, "400", "Invalid input: the problem's errors name each parameter or field");
        }
        if (body) {
            ensure(responses, "413", "The body is over the size limit");
        }
        if (path.contains("{")) {
            ensure(responses, "404", "Nothing with this id (or nothing the caller may read)");
        }
        if (ifMatch) {
            ensure(responses, "409", "Not allowed in the resource's current state");
            ensure(responses, "412", "Stale If-Match: the resource changed since it was read");
            ensure(responses, "428", "If-Match missing");
        }
        if (method == PathItem.HttpMethod.GET && singleJsonObject(responses.getAPIResponse("200"))) {
            conditional(responses);
        }
        if (method == PathItem.HttpMethod.GET && syncPage(responses.getAPIResponse("200"))) {
            ensure(responses, "200", "The changes and the next token");
        }
        if (WRITES.contains(method)) {
            ensure(responses, "422", "A domain rule refuses the request (the problem's type names it)");
        }
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((code, response) -> {
                if (isError(code)) {
                    asProblem(code, response);
                }
            });
            // by status code, as a reader looks them up
            responses.setAPIResponses(new TreeMap<>(responses.getAPIResponses()));
        }
    }

    /** The 200 is one JSON object: not an array, not a page of a list or of a sync feed. */
    static boolean singleJsonObject(APIResponse ok) {
        if (!json(ok)) {
            return false;
        }
        Schema schema = ok.getContent().getMediaType(JSON).getSchema();
        if (schema == null) {
            return true;
        }
        if (schema.getType() != null && schema.getType().contains(Schema.SchemaType.ARRAY)) {
            return false;
        }
        return !refersTo(schema, "Page") && !refersTo(schema, "Changes");
    }

    /** The 200 is a page of a sync feed (the kit's {@code sync.Changes}). */
    static boolean syncPage(APIResponse ok) {
        return json(ok) && refersTo(ok.getContent().getMediaType(JSON).getSchema(), "Changes");
    }

    private static boolean json(APIResponse ok) {
        return ok != null && ok.getContent() != null && ok.getContent().getMediaType(JSON) != null;
    }

    /** The schema is a reference to a component whose name starts with {@code name} (generic ones get a suffix). */
    private static boolean refersTo(Schema schema, String name) {
        return schema != null && schema.getRef() != null && schema.getRef().startsWith("#/components/schemas/" + name);
    }

    private static void conditional(APIResponses responses) {
        APIResponse ok = responses.getAPIResponse("200");
        if (ok.getHeaders() == null || !ok.getHeaders().containsKey("ETag")) {
            ok.addHeader("ETag", OASFactory.createHeader()
                    .description("Strong tag of this representation (the version where the resource has one); send it back in "
                            + "If-None-Match to be answered 304 while it is current, or in If-Match to update")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).example("\"3\"")));
        }
        ensure(responses, "304", "Not modified: If-None-Match named the current ETag (no body; the ETag header is repeated)");
        APIResponse notModified = responses.getAPIResponse("304");
        if (notModified.getHeaders() == null || !notModified.getHeaders().containsKey("ETag")) {
            notModified.addHeader("ETag", OASFactory.createHeader().description("The current tag")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
    }

    private static List<Parameter> parameters(List<Parameter> parameters) {
        return parameters == null ? List.of() : parameters;
    }

    private static boolean takesIfMatch(List<Parameter> parameters) {
        return parameters(parameters).stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()));
    }

    private static boolean isError(String code) {
        return code.length() == 3 && (code.charAt(0) == '4' || code.charAt(0) == '5');
    }

    private static void ensure(APIResponses responses, String code, String description) {
        APIResponse existing = responses.getAPIResponse(code);
        if (existing == null) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        } else if (existing.getDescription() == null || existing.getDescription().isBlank() || GENERIC.contains(existing.getDescription())) {
            existing.setDescription(description);
        }
    }

    /** The response's body is a Problem; examples a resource gave are kept. */
    private static void asProblem(String code, APIResponse response) {
        Content content = response.getContent();
        MediaType media = null;
        if (content != null && content.getMediaTypes() != null) {
            media = content.getMediaType(Problem.MEDIA_TYPE);
            if (media == null && content.getMediaTypes().size() == 1) {
                // a declared example lands under the operation's own media type; it is a problem all the same
                media = content.getMediaTypes().values().iterator().next();
            }
        }
        if (media == null) {
            media = OASFactory.createMediaType();
        }
        media.setSchema(OASFactory.createSchema().ref(REF));
        response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media));
        if (code.equals("429") && (response.getHeaders() == null || !response.getHeaders().containsKey("Retry-After"))) {
            response.addHeader("Retry-After", OASFactory.createHeader().description("Whole seconds to wait before trying again")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
        }
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem detail, served as application/problem+json. Refusals add members of their own "
                        + "(allowedActions, the numbers that broke a rule, candidates, ...).")
                .properties(properties(
                        "type", text("Stable identifier of the kind of problem", "https://govqms.vn/problems/validation"),
                        "title", text(null, "Invalid input"),
                        "status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32").example(400),
                        "detail", text(null, "name: must not be blank"),
                        "instance", text(null, "/api/v1/agencies"),
                        "errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                                .description("For validation problems: the offending fields and parameters")
                                .items(OASFactory.createSchema().ref("#/components/schemas/" + FIELD_ERROR))));
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .properties(properties("field", text(null, "name"), "message", text(null, "must not be blank")));
    }

    /** In the order given, so that the document reads the same at every build. */
    private static Map<String, Schema> properties(Object... nameThenSchema) {
        Map<String, Schema> properties = new LinkedHashMap<>();
        for (int i = 0; i < nameThenSchema.length; i += 2) {
            properties.put((String) nameThenSchema[i], (Schema) nameThenSchema[i + 1]);
        }
        return properties;
    }

    private static Schema text(String description, String example) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description).example(example);
    }
}
