package io.hostreach.campaign.api;

import io.hostreach.campaign.auth.Scopes;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.tags.Tag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Completes the generated OpenAPI document with what every operation shares, in one place rather than on
 * each method: the security schemes and requirements (X-Api-Key or Bearer for the public API, the operator
 * token for /admin), the error answers in the spec's format, descriptions of every response, the scope each
 * public operation needs (in its description, from its tag's "Scopes: x:read ..." statement, the same rule
 * as {@link Scopes#required}), the licence and the server. {@code OpenApiCompletenessTest} fails the build
 * when an operation still lacks what this cannot add (a request body's schema and example, a scope).
 */
public class OpenApiContract implements OASFilter {

    static final String API_KEY = "ApiKey";
    static final String BEARER = "BearerApiKey";
    static final String ADMIN = "OperatorToken";
    private static final String ERROR_REF = "#/components/schemas/Error";
    private static final Pattern SCOPE_STATEMENT = Pattern.compile("Scopes?: ([a-z][a-z-]*):(?:read|write)");
    private static final String ANY_KEY = "any valid key";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getInfo().license(OASFactory.createLicense().name("Proprietary").url("https://hostreach.io/terms"));
        openAPI.servers(List.of(OASFactory.createServer().url("http://127.0.0.1:8080")
                .description("The local stack (make run)")));
        var components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.components(components);
        components.setSecuritySchemes(Map.of(
                API_KEY, OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                        .name("X-Api-Key").description("An API key hr_live_… or hr_test_…; its scopes decide what it may do."),
                BEARER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("The same API key as Authorization: Bearer hr_live_…"),
                ADMIN, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("The operator token (HOSTREACH_ADMIN_TOKEN), for /admin/v1 only.")));
        if (openAPI.getPaths() == null) {
            return;
        }
        Map<String, String> scopeResources = scopeResources(openAPI);
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            complete(path, method, operation);
            if (path.startsWith(PublicApi.PREFIX)) {
                describeScope(method, operation, scopeResources);
            }
        }));
    }

    /**
     * Tag name → the scope's resource part, read from the tag's description ("Scopes: leads:read for GET,
     * leads:write otherwise" → leads; "Scope: platforms:read" → platforms); "" for tags any valid key may use.
     */
    private static Map<String, String> scopeResources(OpenAPI openAPI) {
        Map<String, String> resources = new HashMap<>();
        if (openAPI.getTags() == null) {
            return resources;
        }
        for (Tag tag : openAPI.getTags()) {
            String description = tag.getDescription() == null ? "" : tag.getDescription();
            Matcher matcher = SCOPE_STATEMENT.matcher(description);
            if (matcher.find()) {
                resources.put(tag.getName(), matcher.group(1));
            } else if (description.contains(ANY_KEY)) {
                resources.putIfAbsent(tag.getName(), "");
            }
        }
        return resources;
    }

    /** Appends "Scope: `leads:write`." (or that any valid key may call it) unless the description names one. */
    private static void describeScope(PathItem.HttpMethod method, Operation operation, Map<String, String> resources) {
        String description = operation.getDescription() == null ? "" : operation.getDescription().strip();
        if (description.contains("Scope:") || operation.getTags() == null) {
            return;
        }
        if (operation.getSecurity() != null && operation.getSecurity().size() == 1
                && (operation.getSecurity().get(0).getSchemes() == null || operation.getSecurity().get(0).getSchemes().isEmpty())) {
            String scope = "Scope: none, anonymous: the widget key in the path names the workspace and its allowed "
                    + "origins guard the call.";
            operation.description(description.isEmpty() ? scope : description + "\n\n" + scope);
            return;
        }
        for (String tag : operation.getTags()) {
            String resource = resources.get(tag);
            if (resource != null) {
                String scope = resource.isEmpty() ? "Scope: none, " + ANY_KEY + "."
                        : "Scope: `" + Scopes.required(resource, method.name()) + "`.";
                operation.description(description.isEmpty() ? scope : description + "\n\n" + scope);
                return;
            }
        }
    }

    private static void complete(String path, PathItem.HttpMethod method, Operation operation) {
        boolean admin = path.startsWith("/admin/");
        // The widget intake is called by a web page's visitors: no API key, CORS instead.
        boolean keyless = path.startsWith(PublicApi.PREFIX + "/widget/");
        boolean keyed = path.startsWith(PublicApi.PREFIX) && !keyless;
        if (admin) {
            operation.security(List.of(requirement(ADMIN)));
        } else if (keyed) {
            operation.security(List.of(requirement(API_KEY), requirement(BEARER)));
        } else if (keyless) {
            // Anonymous on purpose, said explicitly ({}), so no generator assumes a key is needed.
            operation.security(List.of(OASFactory.createSecurityRequirement()));
        }
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.responses(responses);
        responses.getAPIResponses().forEach((code, response) -> {
            if (response.getDescription() == null || response.getDescription().isBlank()) {
                response.description(describe(code));
            }
        });
        boolean hasInput = operation.getRequestBody() != null || (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() != null && "query".equals(p.getIn().toString())));
        if (method == PathItem.HttpMethod.OPTIONS) {
            return;
        }
        if (hasInput || method != PathItem.HttpMethod.GET) {
            error(responses, "400", "Invalid input: the message names the field and the rule; details lists every broken rule.");
        }
        if (keyed || admin) {
            error(responses, "401", admin ? "Invalid or missing operator token." : "Invalid or missing API key.");
        }
        if (keyed) {
            error(responses, "403", "The key lacks the scope this operation needs (<resource>:read for GET, :write otherwise).");
            error(responses, "429", "Rate limit exceeded; Retry-After says when to try again.");
        }
        if (admin) {
            error(responses, "403", "The admin API is closed: no operator token is configured.");
        }
        if (path.contains("{")) {
            error(responses, "404", "Unknown id, or an id of another workspace or environment.");
        }
        if (method != PathItem.HttpMethod.GET) {
            error(responses, "409", "The request conflicts with the current state (the message says which).");
        }
        if (operation.getRequestBody() != null) {
            error(responses, "415", "Content-Type must be application/json.");
        }
        // Whatever a resource declares, every error answer has the one error body.
        responses.getAPIResponses().forEach((code, response) -> {
            if ((code.startsWith("4") || code.startsWith("5"))
                    && (response.getContent() == null || response.getContent().getMediaTypes().isEmpty())) {
                response.content(errorContent());
            }
        });
    }

    private static void error(APIResponses responses, String code, String description) {
        if (responses.hasAPIResponse(code)) {
            APIResponse existing = responses.getAPIResponse(code);
            if (existing.getContent() == null || existing.getContent().getMediaTypes().isEmpty()) {
                existing.content(errorContent());
            }
            return;
        }
        responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description).content(errorContent()));
    }

    private static org.eclipse.microprofile.openapi.models.media.Content errorContent() {
        return OASFactory.createContent().addMediaType("application/json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ERROR_REF)));
    }

    private static SecurityRequirement requirement(String scheme) {
        return OASFactory.createSecurityRequirement().addScheme(scheme);
    }

    private static String describe(String code) {
        return switch (code) {
            case "200" -> "OK";
            case "201" -> "Created";
            case "202" -> "Accepted: the work is queued";
            case "204" -> "Done; no content";
            default -> ErrorResponses.reason(Integer.parseInt(code));
        };
    }
}
