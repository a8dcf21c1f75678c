package io.hostreach.outreach.common;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A Vert.x of its own for talking to the providers: the throughput gates' timers and the Graph API and
 * Evolution requests run on its event loop, which does nothing else. On the application's event loops a
 * transaction's CPU work (Hibernate, JSON) would delay a timer or a request write by tens of
 * milliseconds, and a paced send that goes late either loses rate or crowds the next second.
 */
@Singleton
public class SendingVertx {

    private final Vertx vertx;

    public SendingVertx(@ConfigProperty(name = "hostreach.http.event-loops", defaultValue = "1") int eventLoops) {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops).setWorkerPoolSize(1));
    }

    public Vertx vertx() {
        return vertx;
    }

    @PreDestroy
    void close() {
        vertx.close();
    }
}
