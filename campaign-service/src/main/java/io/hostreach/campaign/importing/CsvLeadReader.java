package io.hostreach.campaign.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.hostreach.campaign.api.ApiException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an import file as it arrives: UTF-8 (with or without a BOM; anything else is refused), a header
 * row naming the columns, {@code ,} or {@code ;} as delimiter (whichever the header uses), quoted fields
 * that may hold delimiters and newlines. Only the normalised valid rows are kept, never the file. A file
 * that cannot be read as a whole (no header, no phone column, bad encoding, an unclosed quote) is a 400;
 * a bad row is reported with its row number and the rest goes on.
 */
final class CsvLeadReader {

    static final String PHONE = "phone";
    static final Set<String> KNOWN = Set.of(PHONE, "name", "email", "notes");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int SNIFF_CHARS = 64 * 1024;
    private static final CsvMapper CSV = new CsvMapper();
    private static final int MAX_NAME = 255;
    private static final int MAX_EMAIL = 320;

    /** What the file holds: valid rows (first of each phone), rows refused, repeats within the file. */
    record Parsed(int total, List<ImportRow> rows, List<ImportReport.InvalidRow> invalid, int duplicatesInFile) {
    }

    private CsvLeadReader() {
    }

    /** {@code region}: ISO country whose numbers may be written without their country code. */
    static Parsed read(InputStream in, String region) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), SNIFF_CHARS)) {
            skipBom(reader);
            char delimiter = sniffDelimiter(reader);
            CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(delimiter).withQuoteChar('"');
            ObjectReader rows = CSV.readerFor(String[].class).with(schema)
                    .with(CsvParser.Feature.WRAP_AS_ARRAY).with(CsvParser.Feature.SKIP_EMPTY_LINES)
                    .with(CsvParser.Feature.TRIM_SPACES);
            try (MappingIterator<String[]> records = rows.readValues(reader)) {
                return parse(records, region);
            }
        } catch (CharacterCodingException e) {
            throw notUtf8();
        } catch (RuntimeJsonMappingException e) {
            throw unreadable(e);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static Parsed parse(MappingIterator<String[]> records, String region) throws IOException {
        if (!hasNext(records)) {
            throw ApiException.badRequest("The file is empty: it needs a header row naming the columns (phone required; "
                    + "name, email and notes optional) and one row per lead");
        }
        Header header = Header.of(next(records));
        List<ImportRow> valid = new ArrayList<>();
        List<ImportReport.InvalidRow> invalid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int total = 0;
        int duplicates = 0;
        while (hasNext(records)) {
            String[] fields = next(records);
            // The parser's line numbers count the lines of quoted newlines too; rows are records (header = 1).
            int row = total + 2;
            total++;
            String problem = header.problemWith(fields);
            if (problem != null) {
                invalid.add(new ImportReport.InvalidRow(row, problem));
                continue;
            }
            String rawPhone = header.value(fields, PHONE);
            if (rawPhone == null) {
                invalid.add(new ImportReport.InvalidRow(row, "phone is missing"));
                continue;
            }
            String phone = e164(rawPhone, region);
            if (phone == null) {
                invalid.add(new ImportReport.InvalidRow(row, "phone '" + abbreviate(rawPhone) + "' is not a valid number"
                        + (region == null ? "" : " for " + region + " or in international format")));
                continue;
            }
            String name = header.value(fields, "name");
            if (name != null && name.length() > MAX_NAME) {
                invalid.add(new ImportReport.InvalidRow(row, "name must be at most " + MAX_NAME + " characters"));
                continue;
            }
            String email = header.value(fields, "email");
            if (email != null && (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches())) {
                invalid.add(new ImportReport.InvalidRow(row, "email '" + abbreviate(email) + "' is not a valid address"));
                continue;
            }
            if (!seen.add(phone)) {
                duplicates++;
                continue;
            }
            valid.add(new ImportRow(row, phone, name, email, header.value(fields, "notes"), header.attributes(fields)));
        }
        return new Parsed(total, valid, invalid, duplicates);
    }

    /** The header row: known columns by position, the others kept as attributes under their own name. */
    private record Header(String[] names, Map<String, Integer> known) {

        static Header of(String[] raw) {
            String[] names = new String[raw.length];
            Map<String, Integer> known = new HashMap<>();
            Set<String> unique = new HashSet<>();
            for (int i = 0; i < raw.length; i++) {
                String name = raw[i] == null ? "" : raw[i].trim();
                if (name.isEmpty()) {
                    if (raw.length == 1) {
                        break;
                    }
                    throw ApiException.badRequest("Column " + (i + 1) + " of the header row has no name; "
                            + "the first row must name every column");
                }
                String lower = name.toLowerCase(Locale.ROOT);
                if (!unique.add(lower)) {
                    throw ApiException.badRequest("The header row names the column '" + abbreviate(name) + "' twice");
                }
                if (KNOWN.contains(lower)) {
                    known.put(lower, i);
                    name = lower;
                }
                names[i] = name;
            }
            if (!known.containsKey(PHONE)) {
                throw ApiException.badRequest("The header row has no phone column: the first row must name the columns "
                        + "(phone required; name, email and notes optional; any other column is kept as an attribute)");
            }
            return new Header(names, known);
        }

        String problemWith(String[] fields) {
            if (fields.length > names.length && !allBlank(fields, names.length)) {
                return "the row has " + fields.length + " fields but the header names " + names.length + " columns";
            }
            return null;
        }

        String value(String[] fields, String column) {
            Integer index = known.get(column);
            return index == null ? null : blankToNull(fields, index);
        }

        ObjectNode attributes(String[] fields) {
            ObjectNode attributes = JsonNodeFactory.instance.objectNode();
            for (int i = 0; i < names.length; i++) {
                if (!KNOWN.contains(names[i])) {
                    String v = blankToNull(fields, i);
                    if (v != null) {
                        attributes.put(names[i], v);
                    }
                }
            }
            return attributes;
        }

        private static String blankToNull(String[] fields, int index) {
            if (index >= fields.length || fields[index] == null) {
                return null;
            }
            String v = fields[index].trim();
            return v.isEmpty() ? null : v;
        }

        private static boolean allBlank(String[] fields, int from) {
            for (int i = from; i < fields.length; i++) {
                if (fields[i] != null && !fields[i].isBlank()) {
                    return false;
                }
            }
            return true;
        }
    }

    static String e164(String raw, String region) {
        try {
            String candidate = raw.trim();
            Phonenumber.PhoneNumber number = PHONES.parse(candidate, region == null ? "ZZ" : region);
            return PHONES.isValidNumber(number) ? PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    private static void skipBom(BufferedReader reader) throws IOException {
        reader.mark(1);
        int first = reader.read();
        if (first != '\uFEFF' && first != -1) {
            reader.reset();
        }
    }

    /** The header's delimiter: the more frequent of {@code ,} and {@code ;} outside quotes (comma on a tie). */
    private static char sniffDelimiter(Reader reader) throws IOException {
        reader.mark(SNIFF_CHARS);
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < SNIFF_CHARS; i++) {
            int c = reader.read();
            if (c == -1 || (!quoted && (c == '\n' || c == '\r'))) {
                break;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        reader.reset();
        return semicolons > commas ? ';' : ',';
    }

    private static boolean hasNext(MappingIterator<String[]> records) throws IOException {
        try {
            return records.hasNextValue();
        } catch (JsonProcessingException e) {
            throw unreadable(e);
        }
    }

    private static String[] next(MappingIterator<String[]> records) throws IOException {
        try {
            return records.nextValue();
        } catch (JsonProcessingException e) {
            throw unreadable(e);
        }
    }

    private static ApiException unreadable(Exception e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof CharacterCodingException) {
                return notUtf8();
            }
            cause = cause.getCause();
        }
        String detail = e.getMessage() == null ? "" : e.getMessage();
        if (detail.contains("closing quote") || detail.contains("quote")) {
            return ApiException.badRequest("The file has a quoted field that is never closed: every opening \" needs "
                    + "its closing \" (write \"\" for a quote inside a field)");
        }
        return ApiException.badRequest("The file is not readable CSV: " + firstLine(detail));
    }

    private static ApiException notUtf8() {
        return ApiException.badRequest("The file is not UTF-8 text: save it as CSV UTF-8 (with or without a BOM)");
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        return abbreviate(line);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
