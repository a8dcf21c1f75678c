package io.hostreach.campaign.widget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.hostreach.campaign.api.JsonBody;
import io.hostreach.campaign.api.Violations;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A widget submission, validated strictly: a visitor's typo gets a 400 naming every broken rule (the widget
 * shows them by field), and nothing half-valid is stored. Phones are normalised to E.164 with the
 * workspace's country as the default region.
 */
@Schema(name = "WidgetLeadRequest", description = "A visitor's request from the website widget. "
        + "website is a honeypot: leave it empty (a filled one is answered 202 and nothing is stored).")
public record WidgetLeadRequest(
        @Schema(required = true, maxLength = 100, examples = "Carmen López") String name,
        @Schema(required = true, description = "Any format the workspace's country understands; stored as E.164",
                examples = "612 34 56 78") String phone,
        @Schema(maxLength = 254, examples = "carmen@example.com") String email,
        @Schema(maxLength = 2000, examples = "I want to sell my flat in Ruzafa") String message,
        @Schema(required = true, description = "Must be true: the visitor ticked the consent box") Boolean consent,
        @Schema(maxLength = 2048, examples = "https://www.agenciasol.es/vender") String pageUrl,
        @Schema(description = "Honeypot; must stay empty", maxLength = 0) String website) {

    static final Set<String> FIELDS = Set.of("name", "phone", "email", "message", "consent", "pageUrl", "website");
    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 254;
    static final int MAX_MESSAGE = 2000;
    static final int MAX_PAGE_URL = 2048;
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** The honeypot: a field people never see, so only robots fill it. */
    public static boolean isBot(JsonNode body) {
        JsonNode website = body == null ? null : body.get("website");
        return website != null && !website.isNull() && !(website.isTextual() && website.asText().isBlank());
    }

    /** Validates the body; the phone comes back in E.164, texts trimmed, empty optionals as null. */
    public static WidgetLeadRequest parse(JsonNode body, String country) {
        ObjectNode json = JsonBody.requireObject(body);
        Violations v = new Violations();
        JsonBody.allowOnly(json, "", FIELDS, v);
        String name = trimmed(JsonBody.text(json, "name", "", v));
        if (name == null && !hasWrongType(json, "name")) {
            v.add("name", "name is required");
        } else if (name != null && name.length() > MAX_NAME) {
            v.add("name", "name must be at most " + MAX_NAME + " characters");
        }
        String rawPhone = trimmed(JsonBody.text(json, "phone", "", v));
        String phone = null;
        if (rawPhone == null && !hasWrongType(json, "phone")) {
            v.add("phone", "phone is required");
        } else if (rawPhone != null) {
            phone = e164(rawPhone, country);
            if (phone == null) {
                v.add("phone", "phone must be a valid phone number (international with +, or a national number of " + country + ")");
            }
        }
        String email = trimmed(JsonBody.text(json, "email", "", v));
        if (email != null && (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches())) {
            v.add("email", "email must be a valid email address of at most " + MAX_EMAIL + " characters");
        }
        String message = trimmed(JsonBody.text(json, "message", "", v));
        if (message != null && message.length() > MAX_MESSAGE) {
            v.add("message", "message must be at most " + MAX_MESSAGE + " characters");
        }
        Boolean consent = JsonBody.bool(json, "consent", "", v);
        if (!Boolean.TRUE.equals(consent) && !hasWrongType(json, "consent")) {
            v.add("consent", "consent must be true: the visitor must agree to be contacted");
        }
        String pageUrl = trimmed(JsonBody.text(json, "pageUrl", "", v));
        if (pageUrl != null && (pageUrl.length() > MAX_PAGE_URL || !isWebUrl(pageUrl))) {
            v.add("pageUrl", "pageUrl must be an http or https URL of at most " + MAX_PAGE_URL + " characters");
        }
        v.throwIfAny();
        return new WidgetLeadRequest(name, phone, email, message, true, pageUrl, null);
    }

    /** Already reported by the typed read ("must be a string"/"must be true or false"): no second message. */
    private static boolean hasWrongType(ObjectNode json, String field) {
        JsonNode value = JsonBody.present(json, field);
        return value != null && ("consent".equals(field) ? !value.isBoolean() : !value.isTextual());
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String e164(String raw, String country) {
        if (raw.length() > 32) {
            return null;
        }
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(raw, country);
            return PHONES.isValidNumber(number) ? PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    private static boolean isWebUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
