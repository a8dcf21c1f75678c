package io.hostreach.campaign.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key format {@code hr_<live|test>_<8 char public id>_<secret>}: generation, parsing and hashing.
 * Secrets are 32 random base62 characters (~190 bits), so a plain SHA-256 is enough to store them: no
 * dictionary can reach them, and a fast hash keeps authentication cheap on every request.
 */
public final class ApiKeyFormat {

    private static final Pattern FORMAT = Pattern.compile("^hr_(live|test)_([a-z0-9]{8})_([A-Za-z0-9]{32})$");
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyFormat() {
    }

    public record Parsed(Environment environment, String publicId, String secret) {
    }

    public static Optional<Parsed> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(key.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(Environment.fromApi(m.group(1)), m.group(2), m.group(3)));
    }

    public static String newPublicId() {
        return random(8, ALPHABET.substring(26 * 2) + "abcdefghijklmnopqrstuvwxyz");
    }

    public static String newSecret() {
        return random(32, ALPHABET);
    }

    public static String format(Environment environment, String publicId, String secret) {
        return "hr_" + environment.apiValue() + "_" + publicId + "_" + secret;
    }

    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison, so timing reveals nothing about the stored hash. */
    public static boolean matches(String secret, String storedHash) {
        return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    static String random(int length, String alphabet) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
