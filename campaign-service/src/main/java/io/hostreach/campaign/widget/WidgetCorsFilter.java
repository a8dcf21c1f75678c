package io.hostreach.campaign.widget;

import io.hostreach.campaign.api.ErrorResponses;
import io.hostreach.campaign.workspace.Workspace;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * CORS for the widget intake only, per workspace: Quarkus' global CORS filter knows one list of origins for the
 * whole service, while each workspace allows its own sites. The rest of the API stays without CORS.
 * <p>
 * The request side resolves the widget key (404 when unknown) and checks the {@code Origin} header against the
 * workspace's allowed origins: another origin gets a 403 without any {@code Access-Control-Allow-*} header, so
 * a browser refuses both the preflight and the post. A request without {@code Origin} is not a cross-origin
 * browser request (a server, curl) and CORS has nothing to say about it. The response side adds the headers,
 * also to error answers, so the widget can show a validation error or a 429.
 */
public class WidgetCorsFilter {

    static final String ALLOWED_ORIGIN = "hostreach.widget.allowed-origin";
    static final String MAX_AGE_SECONDS = "600";

    private final WidgetRequest widget;
    private final WidgetSettings settings;

    public WidgetCorsFilter(WidgetRequest widget, WidgetSettings settings) {
        this.widget = widget;
        this.settings = settings;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION, nonBlocking = true)
    public Uni<Response> check(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        if (resource == null || resource.getResourceClass() != WidgetIntakeResource.class) {
            return Uni.createFrom().nullItem();
        }
        String key = request.getUriInfo().getPathParameters().getFirst("widgetKey");
        if (!WidgetKeys.wellFormed(key)) {
            return Uni.createFrom().item(unknownKey());
        }
        String origin = request.getHeaderString("Origin");
        return Panache.withSession(() -> Workspace.<Workspace>find("widgetKey", key).firstResult()).map(workspace -> {
            if (workspace == null) {
                return unknownKey();
            }
            var allowed = settings.allowedOrigins(workspace);
            if (origin != null) {
                String canonical = WidgetOrigins.canonical(origin).orElse(null);
                if (canonical == null || !allowed.contains(canonical)) {
                    return ErrorResponses.of(403, "Origin " + origin + " is not allowed for this widget; add it to the "
                            + "workspace's widget allowedOrigins");
                }
                request.setProperty(ALLOWED_ORIGIN, origin);
            }
            String ip = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
            widget.set(new WidgetRequest.KeyOwner(workspace.id, workspace.widgetKey, workspace.country, allowed,
                    settings.consentText(workspace), ip));
            return null;
        });
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (!request.getUriInfo().getPath().startsWith(io.hostreach.campaign.api.PublicApi.PREFIX + "/widget/")) {
            return;
        }
        response.getHeaders().add("Vary", "Origin");
        if (request.getProperty(ALLOWED_ORIGIN) instanceof String origin) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
            if (HttpMethod.OPTIONS.equals(request.getMethod())) {
                response.getHeaders().putSingle("Access-Control-Allow-Methods", "POST, GET, OPTIONS");
                response.getHeaders().putSingle("Access-Control-Allow-Headers", "Content-Type");
                response.getHeaders().putSingle("Access-Control-Max-Age", MAX_AGE_SECONDS);
            } else {
                response.getHeaders().putSingle("Access-Control-Expose-Headers", "Retry-After");
            }
        }
    }

    private static Response unknownKey() {
        return ErrorResponses.of(404, "Widget key not found");
    }
}
