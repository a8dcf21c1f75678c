package io.hostreach.extraction.run;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The threads of one run: its own Vert.x context (where every database call must happen: Hibernate Reactive
 * sessions belong to it) and the worker pool for blocking CPU work such as Jsoup parsing, which must never
 * hold an event loop.
 */
final class RunThreads {

    private final Executor onContext;

    RunThreads(Context context) {
        // Already there (the usual case after an HTTP answer): go on at once instead of queueing a hop. Worker
        // threads can carry the context too, so the event-loop check is what makes this safe.
        this.onContext = command -> {
            if (Context.isOnEventLoopThread() && Vertx.currentContext() == context) {
                command.run();
            } else {
                context.runOnContext(ignored -> command.run());
            }
        };
    }

    /** Runs the next step on the run's context: database work must start there, whatever thread is here now. */
    <T> Uni<T> then(Supplier<Uni<T>> step) {
        return Uni.createFrom().voidItem().emitOn(onContext).chain(ignored -> step.get());
    }

    /** Back on the run's context, whichever thread completed the previous step (another run's, a timer's). */
    <T> Uni<T> home(Uni<T> uni) {
        return uni.emitOn(onContext);
    }

    /** Runs the work on a worker thread and comes back on the run's context (failures too). */
    <T> Uni<T> blocking(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).emitOn(onContext);
    }

    /**
     * Parses an answer: on a worker thread, unless it is so small (a contact JSON of a few hundred bytes) that
     * the two thread hops would cost more than the parsing itself. Result pages always go to a worker.
     */
    <T> Uni<T> parse(String body, Supplier<T> parser) {
        if (body != null && body.length() <= INLINE_PARSE_MAX_CHARS) {
            return Uni.createFrom().item(parser);
        }
        return blocking(parser);
    }

    /** Well under a millisecond of parsing, even for HTML. */
    static final int INLINE_PARSE_MAX_CHARS = 4 * 1024;
}
