package io.hostreach.campaign.importing;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One valid data row of an import, normalised: the phone in E.164, the optional columns, and every other
 * column as an attribute ({@code attributes.<column>} in templates). {@code row} is its row in the file
 * (the header is row 1).
 */
record ImportRow(int row, String phone, String name, String email, String notes, ObjectNode attributes) {
}
