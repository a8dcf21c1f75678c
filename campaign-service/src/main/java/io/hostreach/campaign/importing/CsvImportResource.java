package io.hostreach.campaign.importing;

import io.hostreach.campaign.api.ApiError;
import io.hostreach.campaign.api.ApiException;
import io.hostreach.campaign.api.PublicApi;
import io.hostreach.campaign.auth.ApiScope;
import io.hostreach.campaign.auth.CurrentApiKey;
import io.hostreach.campaign.auth.CurrentApiKey.AuthenticatedKey;
import io.hostreach.platform.outbox.OutboxRelay;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.function.Supplier;

/**
 * {@code POST /campaigns/{id}/leads/import}: a CSV file of leads into a csv_import campaign, as a
 * {@code text/csv} body or a multipart {@code file} part. The file is parsed as it is read, on a worker
 * thread (a multipart upload is read from the temporary file Quarkus spooled it to); only the normalised
 * rows are kept. Then the suppression check and the store run on the request's Vert.x context.
 */
@ApiScope("leads")
@Path(PublicApi.PREFIX + "/campaigns/{id}/leads/import")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Leads", description = "Scopes: leads:read for GET, leads:write otherwise")
public class CsvImportResource {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(CsvImportResource.class);

    static final String CSV = "text/csv";
    private static final String DESCRIPTION = """
            csv_import campaigns in draft, running or paused. UTF-8 (a BOM is fine), `,` or `;` as delimiter \
            (the header's), quoted fields may hold delimiters and newlines, up to 10 MB. The header row is \
            required: `phone` (required; numbers without a country code are read in the workspace's country, \
            stored in E.164), `name`, `email`, `notes` (becomes a lead note); any other column is kept as a lead \
            attribute, usable in templates as `attributes.<column>`. Rows whose phone repeats an earlier row or an \
            existing lead of the workspace count as `duplicates`; numbers on the suppression list count as \
            `suppressed` and are not imported; other bad rows are listed in `invalid` with their row number \
            (the header is row 1). With `dryRun=true` the file is checked and counted, nothing is stored. \
            Each imported lead is announced as `lead.captured` and, in a running campaign, enrolled for \
            contact in batches of `segmentation.batchSize` per scheduled slot. A multipart upload carries the \
            file in the part named `file`. Sending the same file again imports nothing twice: its rows come back \
            as duplicates (an Idempotency-Key is not needed and not recorded for imports).""";

    /** The multipart form, for the OpenAPI document. */
    @Schema(name = "LeadImportUpload")
    public static final class Upload {
        @Schema(type = SchemaType.STRING, format = "binary", description = "The CSV file", required = true)
        public String file;
    }

    private final LeadImporter importer;
    private final CurrentApiKey apiKey;
    private final OutboxRelay relay;

    public CsvImportResource(LeadImporter importer, CurrentApiKey apiKey, OutboxRelay relay) {
        this.importer = importer;
        this.apiKey = apiKey;
        this.relay = relay;
    }

    @POST
    @Blocking
    @Consumes(CSV)
    @Operation(summary = "Import leads from a CSV file", description = DESCRIPTION)
    @RequestBody(required = true, content = {
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "leads", value = "phone;name;email;notes;barrio\n"
                            + "612345678;Carmen;carmen@example.com;Llamar por la tarde;Ruzafa\n+34 623 456 789;Jordi;;;Gràcia\n")),
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = Upload.class),
                    examples = @ExampleObject(name = "upload", value = "{\"file\": \"phone,name\\n612345678,Carmen\\n\"}"))})
    @APIResponse(responseCode = "200", description = "What was imported (or would be, with dryRun)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "Not a readable CSV file (empty, no header or no phone column, not UTF-8, an unclosed quote), or not a csv_import campaign",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "The campaign is completed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "415", description = "Content-Type is neither text/csv nor multipart/form-data",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "413", description = "The file is larger than 10 MB",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "503", description = "The suppression list cannot be checked now; nothing was imported",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public ImportReport importCsv(@PathParam("id") String id,
                                  @QueryParam("dryRun") @Parameter(description = "Check and count only; store nothing",
                                          schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) String dryRun,
                                  InputStream body) {
        return run(id, dryRun, () -> body);
    }

    @POST
    @Blocking
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true) // documented with the text/csv variant: one operation, two request media types
    public ImportReport importMultipart(@PathParam("id") String id,
                                        @QueryParam("dryRun") @Parameter(description = "Check and count only; store nothing",
                                                schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) String dryRun,
                                        @RestForm("file") @Schema(type = SchemaType.STRING, format = "binary") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ApiException.badRequest("file is required: send the CSV in a multipart part named 'file'");
        }
        return run(id, dryRun, () -> {
            try {
                return Files.newInputStream(file.uploadedFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Any other content type: the spec's 415, naming the two that work. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public ImportReport unsupported(@PathParam("id") String id) {
        throw new ApiException(415, "Content-Type must be text/csv (the file as the body) or multipart/form-data "
                + "(the file in a part named 'file')", java.util.List.of(), null);
    }

    private ImportReport run(String id, String rawDryRun, Supplier<InputStream> body) {
        boolean dryRun = dryRun(rawDryRun);
        AuthenticatedKey key = apiKey.get();
        LeadImporter.Target target = await(() -> importer.target(key, id));
        CsvLeadReader.Parsed parsed;
        long started = System.nanoTime();
        try (InputStream in = body.get()) {
            parsed = CsvLeadReader.read(in, target.region());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.debugf("campaign %s: %d rows read in %d ms", target.campaignId(), parsed.total(),
                (System.nanoTime() - started) / 1_000_000);
        ImportReport report = await(() -> importer.importRows(target, parsed, dryRun));
        if (!dryRun && report.imported() > 0) {
            relay.kick();
        }
        return report;
    }

    private static boolean dryRun(String raw) {
        if (raw == null || raw.isBlank() || "false".equalsIgnoreCase(raw)) {
            return false;
        }
        if ("true".equalsIgnoreCase(raw)) {
            return true;
        }
        throw ApiException.badRequest("dryRun must be true or false");
    }

    /** Runs reactive (Hibernate Reactive) work from this worker thread on a Vert.x context and waits for it. */
    private static <T> T await(Supplier<io.smallrye.mutiny.Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (ApiException e) {
            throw e;
        } catch (Throwable e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof ApiException)) {
                cause = cause.getCause();
            }
            if (cause instanceof ApiException api) {
                throw api;
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e);
        }
    }
}
