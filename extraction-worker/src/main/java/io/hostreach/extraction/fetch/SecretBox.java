package io.hostreach.extraction.fetch;

import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Encrypts the provider API keys that workspaces store (AES-256-GCM, a random IV per value), so a database
 * dump does not hand them out. The key comes from {@code hostreach.fetch.secret-key} (an environment secret).
 */
@ApplicationScoped
public class SecretBox {

    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Optional<SecretKeySpec> key;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(FetchConfig config) {
        this.key = config.secretKey().filter(k -> !k.isBlank()).map(SecretBox::aesKey);
    }

    public boolean canSeal() {
        return key.isPresent();
    }

    public String seal(String plain) {
        SecretKeySpec k = key.orElseThrow(() -> new IllegalStateException("no hostreach.fetch.secret-key configured"));
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, k, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt the provider key", e);
        }
    }

    public String open(String sealed) {
        SecretKeySpec k = key.orElseThrow(() -> new IllegalStateException(
                "a stored provider key cannot be read: no hostreach.fetch.secret-key configured"));
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("a stored provider key is not in the expected format");
        }
        byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, k, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // Never echo the value: only say that the key (or the secret) does not fit.
            throw new IllegalStateException("a stored provider key cannot be decrypted with the configured secret key");
        }
    }

    private static SecretKeySpec aesKey(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("hostreach.fetch.secret-key must be base64");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("hostreach.fetch.secret-key must be 32 bytes (base64 of a 256-bit key), was "
                    + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
