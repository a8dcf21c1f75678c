package io.hostreach.outreach.common;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.Map;

/**
 * Small helpers over the current reactive session (call them inside {@code Panache.withTransaction}).
 * Statements flush the session first, so entities changed earlier in the transaction are written before
 * a bulk statement reads or changes the same rows.
 */
public final class Db {

    private Db() {
    }

    /** An HQL update or delete. */
    public static Uni<Integer> update(String hql, Map<String, ?> params) {
        return Panache.getSession().chain(s -> s.flush().chain(() -> {
            var query = s.createMutationQuery(hql);
            params.forEach(query::setParameter);
            return query.executeUpdate();
        }));
    }

    /** A native SQL statement (inserts with ON CONFLICT, locks, updates HQL cannot express). */
    public static Uni<Integer> execute(String sql, Map<String, ?> params) {
        return Panache.getSession().chain(s -> s.flush().chain(() -> {
            var query = s.createNativeQuery(sql);
            params.forEach(query::setParameter);
            return query.executeUpdate();
        }));
    }

    /** An HQL selection. */
    public static <T> Uni<List<T>> list(String hql, Class<T> type, Map<String, ?> params) {
        return Panache.getSession().chain(s -> s.flush().chain(() -> {
            var query = s.createSelectionQuery(hql, type);
            params.forEach(query::setParameter);
            return query.getResultList();
        }));
    }

    /** A native selection mapped to an entity or a scalar type. */
    public static <T> Uni<List<T>> nativeList(String sql, Class<T> type, Map<String, ?> params) {
        return Panache.getSession().chain(s -> s.flush().chain(() -> {
            var query = s.createNativeQuery(sql, type);
            params.forEach(query::setParameter);
            return query.getResultList();
        }));
    }

    /** Serialises writers of one key (a campaign's or an account's caps) until the transaction ends. */
    public static Uni<Void> lock(String key) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select 1 from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) locked", Integer.class)
                .setParameter("key", key)
                .getSingleResult())
                .replaceWithVoid();
    }
}
