package io.clipdesk.store;

import java.util.List;

/**
 * One step of the schema history: the statements that take the file from {@code version - 1} to
 * {@code version}. Applied in one transaction together with {@code PRAGMA user_version = version}.
 */
record Migration(int version, List<String> statements) {

    Migration {
        if (version < 1) {
            throw new IllegalArgumentException("migration versions start at 1, got " + version);
        }
        statements = List.copyOf(statements);
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("migration " + version + " has no statements");
        }
    }
}
