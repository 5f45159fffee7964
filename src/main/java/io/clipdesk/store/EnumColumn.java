package io.clipdesk.store;

import java.sql.SQLDataException;

/** Enums are stored by {@link Enum#name()}: readable in the sqlite3 shell and stable when constants are reordered. */
final class EnumColumn {

    private EnumColumn() {
    }

    static String write(Enum<?> value) {
        return value.name();
    }

    static <E extends Enum<E>> E read(Class<E> type, String stored) throws SQLDataException {
        try {
            return Enum.valueOf(type, String.valueOf(stored));
        } catch (IllegalArgumentException e) {
            throw new SQLDataException("stored " + type.getSimpleName() + " '" + stored + "' is unknown", e);
        }
    }
}
