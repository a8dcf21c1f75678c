package io.hostreach.outreach.common;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** Fresh, safe duplicated Vert.x contexts for reactive database work, whatever thread asks. */
public final class Contexts {

    private Contexts() {
    }

    /** A new context of its own (its own reactive session), marked safe for Hibernate Reactive. */
    public static Context fresh(Vertx vertx) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return context;
    }

    /** Runs {@code work} on a fresh context. */
    public static <T> Uni<T> onFreshContext(Vertx vertx, Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> fresh(vertx).runOnContext(ignored ->
                Uni.createFrom().<T>deferred(() -> work.get()).subscribe().with(emitter::complete, emitter::fail)));
    }

    /** An executor that runs tasks on the context (for {@code emitOn}). */
    public static Executor executor(Context context) {
        return task -> context.runOnContext(ignored -> task.run());
    }
}
