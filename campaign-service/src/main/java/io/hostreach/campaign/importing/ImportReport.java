package io.hostreach.campaign.importing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The answer of {@code POST /campaigns/{id}/leads/import}. */
@Schema(name = "ImportReport", description = "What an import did (or, with dryRun, would do).")
public record ImportReport(
        @Schema(description = "Data rows in the file (the header and blank lines not counted)", example = "1200") int total,
        @Schema(description = "Leads created (with dryRun: that would be created)", example = "1150") int imported,
        @Schema(description = "Rows whose phone repeats an earlier row of the file or an existing lead of the workspace", example = "30") int duplicates,
        @Schema(description = "Rows whose phone is on the suppression list: not imported", example = "5") int suppressed,
        @Schema(description = "Rows refused, with their row number (the header is row 1) and why") List<InvalidRow> invalid) {

    @Schema(name = "ImportInvalidRow")
    public record InvalidRow(@Schema(example = "17") int row,
                             @Schema(example = "phone '12345' is not a valid number for ES") String reason) {
    }
}
