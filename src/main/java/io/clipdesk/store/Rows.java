package io.clipdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Runs a query and maps every row to a record: the one result loop of all repositories. */
final class Rows {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface Reader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private Rows() {
    }

    static <T> List<T> readAll(PreparedStatement statement, Reader<T> reader) throws SQLException {
        List<T> out = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                out.add(reader.read(rows));
            }
        }
        return List.copyOf(out);
    }
}
