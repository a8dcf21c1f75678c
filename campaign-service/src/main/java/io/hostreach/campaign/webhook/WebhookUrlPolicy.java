package io.hostreach.campaign.webhook;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs a customer may point a webhook at: http(s) only, and — unless private addresses are allowed
 * (dev and test) — never loopback, link-local, private or otherwise internal addresses, so a customer
 * cannot make the service call its own network.
 */
@ApplicationScoped
public class WebhookUrlPolicy {

    private final boolean allowPrivate;

    public WebhookUrlPolicy(@ConfigProperty(name = "hostreach.webhooks.allow-private-addresses", defaultValue = "false")
                            boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Empty when the URL is acceptable; otherwise why not, as one sentence. Resolves DNS off the event loop. */
    public Uni<Optional<String>> check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Uni.createFrom().item(Optional.of("url must be a valid http or https URL"));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return Uni.createFrom().item(Optional.of("url must be a valid http or https URL"));
        }
        if (uri.getUserInfo() != null) {
            return Uni.createFrom().item(Optional.of("url must not carry credentials"));
        }
        if (allowPrivate) {
            return Uni.createFrom().item(Optional.empty());
        }
        String host = uri.getHost();
        return Uni.createFrom().item(() -> resolve(host))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static Optional<String> resolve(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (isInternal(address)) {
                    return Optional.of("url must point to a public address, not " + address.getHostAddress());
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("url host " + host + " does not resolve");
        }
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) || first >= 240;
        }
        return (b[0] & 0xfe) == 0xfc; // IPv6 unique local fc00::/7
    }
}
