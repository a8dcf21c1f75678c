package io.hostreach.extraction.platform;

import io.hostreach.platform.portal.Portal;
import io.hostreach.platform.portal.FilterSchemas;
import io.hostreach.platform.portal.FilterValidation;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What campaign-service asks this worker about the portals (internal API, not public): the portals, each
 * one's filter schema, filter validation, and location search. Everything but a live fotocasa lookup is
 * in-memory work, so it runs on the event loop.
 */
@Path("/internal/v1/platforms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Platforms (internal)")
public class PlatformResource {

    static final int DEFAULT_LIMIT = 20;
    static final int MIN_QUERY = 2;
    static final int MAX_QUERY = 100;

    private final FilterSchemas schemas;
    private final FilterValidation validation;
    private final LocationService locations;

    public PlatformResource(FilterSchemas schemas, FilterValidation validation, LocationService locations) {
        this.schemas = schemas;
        this.validation = validation;
        this.locations = locations;
    }

    @GET
    @NonBlocking
    @Operation(summary = "The portals, their countries and currencies, and whether their location search is live")
    public DataList<PlatformView> list() {
        return new DataList<>(Arrays.stream(Portal.values())
                .map(p -> PlatformView.of(p, locations.liveLocationSearch(p)))
                .toList());
    }

    @GET
    @Path("{platform}/filters")
    @NonBlocking
    @Operation(summary = "JSON Schema (draft 2020-12) of the portal's segmentation.filters")
    public JsonNode filters(@PathParam("platform") String platform) {
        return schemas.document(platform(platform));
    }

    @POST
    @Path("{platform}/filters/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @NonBlocking
    @Operation(summary = "Validates a segmentation.filters object against the portal's schema; every broken rule is listed")
    public FilterValidationResult validate(@PathParam("platform") String platform, JsonNode filters) {
        return FilterValidationResult.of(validation.validate(platform(platform), filters));
    }

    @GET
    @Path("{platform}/locations")
    @Operation(summary = "Places of the portal matching q (accents and case ignored), divisions and large places first; "
            + "ids are the portal's own. q: 2-100 characters; limit: 1-50, default 20; country: optional, one of the portal's")
    public Uni<DataList<Location>> locations(@PathParam("platform") String platform, @QueryParam("q") String q,
                                             @QueryParam("limit") String limit, @QueryParam("country") String country) {
        Portal portal = platform(platform);
        String query = query(q);
        int max = limit(limit);
        String within = country(portal, country);
        return locations.search(portal, query, max, within).map(DataList::new);
    }

    private static Portal platform(String id) {
        return Portal.fromId(id).orElseThrow(() -> new NotFoundException("Unknown platform '" + id + "'"));
    }

    private static String query(String q) {
        if (q == null || q.isBlank()) {
            throw new BadRequestException("q is required (2 to 100 characters)");
        }
        String trimmed = q.trim();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length < MIN_QUERY || length > MAX_QUERY) {
            throw new BadRequestException("q must be between " + MIN_QUERY + " and " + MAX_QUERY + " characters long");
        }
        return trimmed;
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= LocationSearch.MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // worded below, like an out-of-range value
        }
        throw new BadRequestException("limit must be a whole number between 1 and " + LocationSearch.MAX_LIMIT);
    }

    private static String country(Portal platform, String country) {
        if (country == null || country.isBlank()) {
            return null;
        }
        String code = country.trim().toUpperCase(Locale.ROOT);
        List<String> served = platform.countries();
        if (!served.contains(code)) {
            throw new BadRequestException("country must be one of " + String.join(", ", served) + " for " + platform.id());
        }
        return code;
    }
}
