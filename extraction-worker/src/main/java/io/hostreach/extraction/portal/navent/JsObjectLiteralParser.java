package io.hostreach.extraction.portal.navent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;

/**
 * Reads a JavaScript object literal into a Jackson tree. Navent detail pages declare {@code const avisoInfo = {...}}
 * as code, not JSON: keys are single-quoted, values mix single- and double-quoted strings, embedded JSON,
 * trailing commas and references to other variables ({@code mapLatOf}). Plain JSON parsers reject that, and a
 * regex over the text breaks on the first nested brace, so this is a small tolerant reader.
 *
 * <p>Anything that is code rather than data (a variable, a call, {@code new Date(...)}) becomes JSON null.
 */
final class JsObjectLiteralParser {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String text;
    private int pos;

    private JsObjectLiteralParser(String text, int start) {
        this.text = text;
        this.pos = start;
    }

    /** Parses the literal that starts at {@code start} (the opening brace or bracket). */
    static JsonNode parse(String text, int start) {
        JsObjectLiteralParser parser = new JsObjectLiteralParser(text, start);
        parser.skipBlank();
        char first = parser.peek();
        if (first != '{' && first != '[') {
            throw parser.error("expected '{' or '['");
        }
        return parser.value();
    }

    private JsonNode value() {
        JsonNode left = singleValue();
        // 'a' + 'b' occasionally appears for long texts; concatenate strings, keep anything else as is.
        skipBlank();
        while (pos < text.length() && text.charAt(pos) == '+') {
            pos++;
            JsonNode right = singleValue();
            if (left.isTextual() && right.isValueNode() && !right.isNull()) {
                left = NODES.textNode(left.asText() + right.asText());
            }
            skipBlank();
        }
        return left;
    }

    private JsonNode singleValue() {
        skipBlank();
        char c = peek();
        if (c == '{') {
            return object();
        }
        if (c == '[') {
            return array();
        }
        if (c == '\'' || c == '"' || c == '`') {
            return NODES.textNode(string());
        }
        if (c == '-' || c == '.' || Character.isDigit(c)) {
            return number();
        }
        if (isIdentifierStart(c)) {
            return identifierExpression();
        }
        throw error("unexpected character '" + c + "'");
    }

    private ObjectNode object() {
        ObjectNode node = NODES.objectNode();
        pos++; // {
        while (true) {
            skipBlank();
            char c = peek();
            if (c == '}') {
                pos++;
                return node;
            }
            String key = key();
            skipBlank();
            expect(':');
            node.set(key, value());
            skipBlank();
            if (peek() == ',') {
                pos++;
            } else if (peek() != '}') {
                throw error("expected ',' or '}' after the value of '" + key + "'");
            }
        }
    }

    private ArrayNode array() {
        ArrayNode node = NODES.arrayNode();
        pos++; // [
        while (true) {
            skipBlank();
            if (peek() == ']') {
                pos++;
                return node;
            }
            node.add(value());
            skipBlank();
            if (peek() == ',') {
                pos++;
            } else if (peek() != ']') {
                throw error("expected ',' or ']' in an array");
            }
        }
    }

    private String key() {
        char c = peek();
        if (c == '\'' || c == '"') {
            return string();
        }
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                || text.charAt(pos) == '$')) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a key");
        }
        return text.substring(start, pos);
    }

    private String string() {
        char quote = text.charAt(pos++);
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char escaped = text.charAt(pos++);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("truncated \\u escape");
                    }
                    out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                case '\n' -> {
                    // line continuation: nothing
                }
                default -> out.append(escaped); // \' \" \\ \/ and anything else stand for themselves
            }
        }
        throw error("unterminated string");
    }

    private JsonNode number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        while (pos < text.length() && "0123456789.eE+-".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String literal = text.substring(start, pos);
        try {
            BigDecimal number = new BigDecimal(literal);
            if (number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
                return NODES.numberNode(number.longValueExact());
            }
            return NODES.numberNode(number);
        } catch (NumberFormatException | ArithmeticException e) {
            throw error("bad number '" + literal + "'");
        }
    }

    /** true/false/null/undefined, or code (a variable, member access, call, {@code new X(...)}) read as null. */
    private JsonNode identifierExpression() {
        String word = identifier();
        switch (word) {
            case "true":
                return NODES.booleanNode(true);
            case "false":
                return NODES.booleanNode(false);
            case "null":
            case "undefined":
                return NODES.nullNode();
            case "new":
                skipBlank();
                identifier();
                break;
            default:
                break;
        }
        while (true) {
            skipBlank();
            char c = peek();
            if (c == '.') {
                pos++;
                identifier();
            } else if (c == '(' || c == '[') {
                skipBalanced(c, c == '(' ? ')' : ']');
            } else {
                return NODES.nullNode();
            }
        }
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                || text.charAt(pos) == '$')) {
            pos++;
        }
        if (start == pos) {
            throw error("expected an identifier");
        }
        return text.substring(start, pos);
    }

    private void skipBalanced(char open, char close) {
        int depth = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\'' || c == '"' || c == '`') {
                string();
                continue;
            }
            pos++;
            if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return;
            }
        }
        throw error("unbalanced '" + open + "'");
    }

    private void skipBlank() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '/' && pos + 1 < text.length() && text.charAt(pos + 1) == '/') {
                int end = text.indexOf('\n', pos);
                pos = end < 0 ? text.length() : end + 1;
            } else if (c == '/' && pos + 1 < text.length() && text.charAt(pos + 1) == '*') {
                int end = text.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw error("unterminated comment");
                }
                pos = end + 2;
            } else {
                return;
            }
        }
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("unexpected end of script");
        }
        return text.charAt(pos);
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$';
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at offset " + pos);
    }
}
