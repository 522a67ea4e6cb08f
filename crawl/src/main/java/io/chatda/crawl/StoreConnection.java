package io.chatda.crawl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The crawl store's one SQLite connection, shared by its tables ({@link Frontier}, {@link RobotsStore},
 * {@link RunStore}, {@link JobQueue}), and the lock every use of it holds. Writes run in {@link #transaction}s;
 * a transaction begun inside another joins it, so statements on several tables commit or roll back together.
 * Statements are prepared once and reused.
 */
final class StoreConnection implements AutoCloseable {

    /** Binds a statement's parameters. */
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Reads one row. */
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Work on the connection. */
    interface Work<T> {
        T run() throws SQLException;
    }

    private final Connection db;
    private final ReentrantLock lock = new ReentrantLock();
    /** Statements prepared once and reused (guarded by {@code lock}, like {@code db}). */
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    private final List<Runnable> rollbackListeners = new ArrayList<>();
    /** Transactions under way on the thread holding the lock: only the outermost commits or rolls back. */
    private int depth;

    /** @param db a connection with auto-commit off */
    StoreConnection(Connection db) {
        this.db = db;
    }

    /** Calls {@code listener} after every rollback (to forget what was cached of the rows it removed). */
    void onRollback(Runnable listener) {
        rollbackListeners.add(listener);
    }

    /** Runs {@code work} in a transaction, or as part of the one under way on this thread. */
    <T> T transaction(Work<T> work) {
        lock.lock();
        try {
            if (depth > 0) {
                return joined(work);
            }
            depth++;
            try {
                T result = work.run();
                db.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(e);
                throw storeFailure(e, "crawl store update failed: ");
            } finally {
                depth--;
            }
        } finally {
            lock.unlock();
        }
    }

    private <T> T joined(Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw storeFailure(e, "crawl store update failed: ");
        }
    }

    private void rollback(Exception e) {
        rollbackListeners.forEach(Runnable::run);
        try {
            db.rollback();
        } catch (SQLException suppressed) {
            e.addSuppressed(suppressed);
        }
    }

    /** Runs several reads under the lock, so nothing is written between them. */
    <T> T locked(Work<T> work) {
        lock.lock();
        try {
            return work.run();
        } catch (SQLException e) {
            throw storeFailure(e, "crawl store query failed: ");
        } finally {
            lock.unlock();
        }
    }

    /** The rows {@code sql} returns, each read by {@code mapper}. */
    <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
        return locked(() -> {
            PreparedStatement ps = prepared(sql);
            binder.bind(ps);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        });
    }

    /** The first column of the first row of {@code sql}, which takes no parameters. */
    long count(String sql) {
        return query(sql, ps -> {}, rs -> rs.getLong(1)).get(0);
    }

    /** Runs an update with these parameters and returns the rows changed; call it inside a transaction. */
    int exec(String sql, Object... args) throws SQLException {
        PreparedStatement ps = prepared(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps.executeUpdate();
    }

    /** Runs an insert with these parameters and returns the new row's id; call it inside a transaction. */
    long insert(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The statement for {@code sql}, prepared on first use; callers hold the lock and don't close it. */
    PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = db.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            for (PreparedStatement ps : statements.values()) {
                ps.close();
            }
            statements.clear();
            db.close();
        } catch (SQLException e) {
            throw new CrawlStoreException("can't close crawl store", e);
        } finally {
            lock.unlock();
        }
    }

    /** A column of epoch milliseconds that may be null. */
    static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static CrawlStoreException storeFailure(Exception e, String what) {
        if (e instanceof CrawlStoreException cse) {
            return cse;
        }
        return new CrawlStoreException(what + e.getMessage(), e);
    }
}
