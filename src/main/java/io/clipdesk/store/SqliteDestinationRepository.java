package io.clipdesk.store;

import io.clipdesk.engine.delivery.Destination;
import io.clipdesk.engine.delivery.DestinationKind;
import io.clipdesk.engine.delivery.DestinationRepository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The {@code destinations} table. Failure messages name the destination's id, never its token. */
public final class SqliteDestinationRepository implements DestinationRepository {

    static final String TABLE = "destinations";
    static final String ID = "id";
    static final String NAME = "name";
    static final String KIND = "kind";
    static final String TARGET = "target";
    static final String TOKEN = "token";

    private static final String SELECT = "SELECT " + String.join(", ", ID, NAME, KIND, TARGET, TOKEN) + " FROM "
            + TABLE;
    static final String INSERT = "INSERT INTO " + TABLE + " (" + String.join(", ", NAME, KIND, TARGET, TOKEN)
            + ") VALUES (?, ?, ?, ?) RETURNING " + ID;
    static final String UPDATE = "UPDATE " + TABLE + " SET " + NAME + " = ?, " + KIND + " = ?, " + TARGET + " = ?, "
            + TOKEN + " = ? WHERE " + ID + " = ?";
    static final String DELETE = "DELETE FROM " + TABLE + " WHERE " + ID + " = ?";
    static final String FIND = SELECT + " WHERE " + ID + " = ?";
    static final String LIST = SELECT + " ORDER BY " + NAME + " COLLATE NOCASE, " + ID;

    private final Database database;

    public SqliteDestinationRepository(Database database) {
        this.database = database;
    }

    @Override
    public Destination insert(Destination destination) {
        if (destination.id() != 0) {
            throw new IllegalArgumentException("a new destination has id 0, got " + destination.id());
        }
        long id = database.run("insert destination", c -> {
            try (PreparedStatement statement = c.prepareStatement(INSERT)) {
                bind(statement, destination);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
        return destination.withId(id);
    }

    @Override
    public void update(Destination destination) {
        database.run("update destination " + destination.id(), c -> {
            try (PreparedStatement statement = c.prepareStatement(UPDATE)) {
                bind(statement, destination);
                statement.setLong(5, destination.id());
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public void delete(long id) {
        database.run("delete destination " + id, c -> {
            try (PreparedStatement statement = c.prepareStatement(DELETE)) {
                statement.setLong(1, id);
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Destination> find(long id) {
        return database.run("find destination " + id, c -> {
            try (PreparedStatement statement = c.prepareStatement(FIND)) {
                statement.setLong(1, id);
                return Rows.readAll(statement, SqliteDestinationRepository::read).stream().findFirst();
            }
        });
    }

    @Override
    public List<Destination> list() {
        return database.run("list destinations", c -> {
            try (PreparedStatement statement = c.prepareStatement(LIST)) {
                return Rows.readAll(statement, SqliteDestinationRepository::read);
            }
        });
    }

    private static void bind(PreparedStatement statement, Destination d) throws SQLException {
        statement.setString(1, d.name());
        statement.setString(2, EnumColumn.write(d.kind()));
        statement.setString(3, d.target());
        statement.setString(4, d.token());
    }

    private static Destination read(ResultSet row) throws SQLException {
        return new Destination(row.getLong(ID), row.getString(NAME),
                EnumColumn.read(DestinationKind.class, row.getString(KIND)), row.getString(TARGET),
                row.getString(TOKEN));
    }
}
