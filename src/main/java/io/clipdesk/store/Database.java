package io.clipdesk.store;

import io.clipdesk.engine.StoreException;
import io.clipdesk.engine.storage.DataLayout;
import io.clipdesk.engine.storage.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The one gatekeeper of the SQLite file: opens it, brings its schema up to date, and lends its connection to one
 * caller at a time.
 *
 * <p>One connection behind a lock, not a pool. SQLite admits one writer at a time however many connections there
 * are; one connection can never be refused (SQLITE_BUSY) by a sibling connection of the same process; and every
 * thread reads its own writes. The cost is that readers queue too: a query takes tens of microseconds, a commit one
 * fsync (about 2 ms on the dev box), which at this app's load (a segment row per 2 s per stream, HTTP listings, a
 * sweep per minute) is invisible. {@code busy_timeout} still covers other processes on the same file (a backup,
 * the sqlite3 shell).
 *
 * <p>Calls on the same thread nest: repository calls made inside {@link #inTransaction(Runnable)} join that
 * transaction, so the block is atomic, and bulk writes pay one fsync. Every failure leaves as a
 * {@link StoreException} whose message is for logs (the operation and SQLite's reason, never a setting's value);
 * the HTTP layer shows clients a generic message.
 */
public final class Database implements AutoCloseable {

    /** Work on the connection; runs with the lock held. Package-private: SQL stays inside {@code store}. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    static final int BUSY_TIMEOUT_MS = 5_000;

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private int transactionDepth; // guarded by lock
    private boolean closed; // guarded by lock

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating if needed) the data dir's database and migrates it. */
    public static Database open(DataLayout layout) {
        return open(layout.database());
    }

    /** Opens (creating if needed) the database file and migrates it. */
    public static Database open(Path file) {
        return open(file, Schema.MIGRATIONS);
    }

    static Database open(Path file, List<Migration> migrations) {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalArgumentException("migrations must be numbered 1, 2, 3... in order");
            }
        }
        Path absolute = file.toAbsolutePath().normalize();
        Database database = new Database(absolute, connect(absolute));
        try {
            database.migrate(migrations);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    private static Connection connect(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL, not NORMAL: under WAL, NORMAL is crash-safe for the process but a power cut can drop the last
        // commits, and a clip the API already answered 201 for would then be forgotten. FULL costs one WAL fsync
        // per commit; ingest commits a row every 2 s per stream and has just fsynced the segment's files anyway.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ownerOnly(file);
            return config.createConnection("jdbc:sqlite:" + file);
        } catch (IOException | SQLException e) {
            throw new StoreException("store: cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The catalogue (every stream's key, every clip) is the owner's alone, like the API key. SQLite gives its
     * -wal and -shm files the mode of the database file, so those made from now on follow; ones left by an
     * earlier run with a looser mode are tightened too.
     */
    private static void ownerOnly(Path file) throws IOException {
        OwnerOnlyFiles.createOrTighten(file);
        OwnerOnlyFiles.tighten(file.resolveSibling(file.getFileName() + "-wal"));
        OwnerOnlyFiles.tighten(file.resolveSibling(file.getFileName() + "-shm"));
    }

    /** Runs work on the connection; it joins the caller's transaction if one is open on this thread. */
    <T> T run(String action, Work<T> work) {
        lock.lock();
        try {
            checkOpen(action);
            return work.apply(connection);
        } catch (SQLException e) {
            throw failure(action, e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs work atomically: all of it commits, or on any exception none of it does. Nested calls join. */
    <T> T inTransaction(String action, Work<T> work) {
        lock.lock();
        try {
            if (transactionDepth > 0) {
                return run(action, work);
            }
            checkOpen(action);
            return transaction(action, work);
        } finally {
            lock.unlock();
        }
    }

    /** Runs a block of repository calls (made on this thread) as one transaction. */
    public void inTransaction(Runnable block) {
        inTransaction("transaction", connection -> {
            block.run();
            return null;
        });
    }

    /**
     * Plain BEGIN/COMMIT statements rather than JDBC's setAutoCommit: sqlite-jdbc's commit() runs "commit" and then
     * begins the next transaction at once, so a BUSY on that second step would report a commit that did happen as
     * failed. IMMEDIATE takes the write lock at BEGIN: a deferred transaction that reads first and writes later gets
     * SQLITE_BUSY at once, without the busy wait, when another process wrote in between.
     */
    private <T> T transaction(String action, Work<T> work) {
        execute(action + " (begin)", "BEGIN IMMEDIATE");
        transactionDepth++;
        try {
            T result = run(action, work);
            execute(action + " (commit)", "COMMIT");
            return result;
        } catch (RuntimeException | Error e) {
            rollback(e);
            throw e;
        } finally {
            transactionDepth--;
        }
    }

    private void execute(String action, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw failure(action, e);
        }
    }

    private void rollback(Throwable cause) {
        // SQLite may already have rolled back by itself (after SQLITE_FULL, an I/O error); then this one fails.
        try (Statement statement = connection.createStatement()) {
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void migrate(List<Migration> migrations) {
        int current = run("read schema version", Database::userVersion);
        if (current > migrations.size()) {
            throw new StoreException("store: " + file + " has schema version " + current
                    + ", newer than this Clipdesk knows (" + migrations.size() + ")", null);
        }
        for (Migration migration : migrations.subList(current, migrations.size())) {
            inTransaction("migrate to schema version " + migration.version(), c -> {
                // Re-read under the write lock: another process may have migrated since we looked.
                if (userVersion(c) >= migration.version()) {
                    return null;
                }
                try (Statement statement = c.createStatement()) {
                    for (String sql : migration.statements()) {
                        statement.execute(sql);
                    }
                    // PRAGMA takes no parameters; the value is our own int, not input.
                    statement.execute("PRAGMA user_version = " + migration.version());
                }
                return null;
            });
        }
    }

    private static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private void checkOpen(String action) {
        if (closed) {
            throw new StoreException("store: " + action + " after the database was closed", null);
        }
    }

    private StoreException failure(String action, SQLException e) {
        return new StoreException("store: " + action + " failed: " + e.getMessage(), e);
    }

    /** Waits for the caller in progress, then closes; later calls fail with StoreException. Idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try (Statement statement = connection.createStatement()) {
                // Keeps the planner's statistics fresh at negligible cost (SQLite's advice for long-lived files).
                statement.execute("PRAGMA optimize");
            } catch (SQLException e) {
                // The connection is closed below either way; a stale statistic is not worth failing close for.
            }
            connection.close();
        } catch (SQLException e) {
            throw failure("close " + file, e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "Database[" + file + "]";
    }
}
