package io.clipdesk.store;

import io.clipdesk.engine.clip.ClipDescription;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The columns of a {@link ClipDescription}, which the clips and videos tables both carry (schema version 5); tags are
 * a JSON array of strings, as renditions are.
 */
final class DescriptionColumns {

    static final String DESCRIPTION = "description";
    static final String TAGS = "tags";
    static final String CREATED_BY = "created_by";

    /** In the order {@link #bind} binds them. */
    static final List<String> ALL = List.of(DESCRIPTION, TAGS, CREATED_BY);

    private DescriptionColumns() {
    }

    /** Binds the three columns from {@code first} on. */
    static void bind(PreparedStatement statement, int first, ClipDescription description) throws SQLException {
        statement.setString(first, description.description());
        statement.setString(first + 1, RenditionColumns.namesToJson(description.tags()));
        statement.setString(first + 2, description.createdBy());
    }

    static ClipDescription read(ResultSet row) throws SQLException {
        return new ClipDescription(row.getString(DESCRIPTION), RenditionColumns.namesFromJson(row.getString(TAGS)),
                row.getString(CREATED_BY));
    }
}
