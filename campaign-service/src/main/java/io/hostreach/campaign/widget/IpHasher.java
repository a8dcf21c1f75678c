package io.hostreach.campaign.widget;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * SHA-256 of a visitor's IP address with a secret salt: consent evidence without storing the address. The salt
 * is {@code hostreach.widget.ip-hash-salt}, or derived from the secrets key when unset, so a deployment needs
 * no new secret and the hashes cannot be reversed by hashing the IPv4 space.
 */
@ApplicationScoped
public class IpHasher {

    private final byte[] salt;

    @Inject
    public IpHasher(@ConfigProperty(name = "hostreach.widget.ip-hash-salt") Optional<String> salt,
                    @ConfigProperty(name = "hostreach.secrets.key") String secretsKey) {
        this(salt.filter(s -> !s.isBlank()).orElseGet(() -> sha256Hex(("widget-ip-salt|" + secretsKey)
                .getBytes(StandardCharsets.UTF_8))));
    }

    IpHasher(String salt) {
        this.salt = salt.getBytes(StandardCharsets.UTF_8);
    }

    public String hash(String ip) {
        byte[] address = (ip == null ? "" : ip).getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[salt.length + 1 + address.length];
        System.arraycopy(salt, 0, input, 0, salt.length);
        input[salt.length] = '|';
        System.arraycopy(address, 0, input, salt.length + 1, address.length);
        return sha256Hex(input);
    }

    private static String sha256Hex(byte[] input) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
