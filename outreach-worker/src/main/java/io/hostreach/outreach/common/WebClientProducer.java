package io.hostreach.outreach.common;

import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** One pooled, keep-alive HTTP client for the providers (Graph API, Evolution API), on {@link SendingVertx}. */
public class WebClientProducer {

    @Produces
    @Singleton
    WebClient webClient(SendingVertx sending,
                        @ConfigProperty(name = "hostreach.http.max-pool-size", defaultValue = "64") int poolSize,
                        @ConfigProperty(name = "hostreach.http.connect-timeout-ms", defaultValue = "5000") int connectTimeout) {
        WebClientOptions options = new WebClientOptions()
                .setKeepAlive(true)
                .setMaxPoolSize(poolSize)
                .setConnectTimeout(connectTimeout)
                .setIdleTimeout(60)
                .setUserAgent("hostreach-outreach-worker");
        return WebClient.create(Vertx.newInstance(sending.vertx()), options);
    }

    void close(@Disposes WebClient client) {
        client.close();
    }
}
