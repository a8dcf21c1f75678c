package io.hostreach.extraction.portal.navent;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.extraction.portal.PortalLayoutChangedException;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data a Navent detail page declares in inline scripts: {@code const avisoInfo = {...}} (the listing, its
 * publisher and WhatsApp number) and {@code const mapLatOf / mapLngOf} (coordinates as base64 strings).
 */
final class AvisoInfoScript {

    private static final Pattern DECLARATION = Pattern.compile("(?:const|let|var)\\s+avisoInfo\\s*=\\s*");

    private final JsonNode avisoInfo;
    private final String scripts;

    private AvisoInfoScript(JsonNode avisoInfo, String scripts) {
        this.avisoInfo = avisoInfo;
        this.scripts = scripts;
    }

    /** Finds and parses avisoInfo, or fails naming what is missing: a redesign must not pass as "no phone". */
    static AvisoInfoScript from(Document page, String portal) {
        StringBuilder all = new StringBuilder();
        for (Element script : page.select("script")) {
            all.append(script.data()).append('\n');
        }
        String scripts = all.toString();
        Matcher declaration = DECLARATION.matcher(scripts);
        if (!declaration.find()) {
            throw new PortalLayoutChangedException(portal + " detail page has no 'const avisoInfo = {...}' script");
        }
        try {
            JsonNode node = JsObjectLiteralParser.parse(scripts, declaration.end());
            if (!node.isObject()) {
                throw new PortalLayoutChangedException(portal + " avisoInfo is not an object");
            }
            return new AvisoInfoScript(node, scripts);
        } catch (IllegalArgumentException e) {
            throw new PortalLayoutChangedException(portal + " avisoInfo could not be read: " + e.getMessage(), e);
        }
    }

    JsonNode avisoInfo() {
        return avisoInfo;
    }

    Double latitude() {
        return coordinate("mapLatOf");
    }

    Double longitude() {
        return coordinate("mapLngOf");
    }

    /** {@code const mapLatOf = "LTM0LjU4ODk1Mw==";} holds "-34.588953" in base64. */
    private Double coordinate(String variable) {
        Matcher matcher = Pattern.compile("(?:const|let|var)\\s+" + variable + "\\s*=\\s*[\"']([A-Za-z0-9+/=]*)[\"']")
                .matcher(scripts);
        if (!matcher.find() || matcher.group(1).isEmpty()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(matcher.group(1)), StandardCharsets.UTF_8).trim();
            return decoded.isEmpty() ? null : Double.valueOf(decoded);
        } catch (IllegalArgumentException e) {
            return null; // a broken coordinate is not worth failing a lead for
        }
    }
}
