package dev.jwtflights.console;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import org.h2.api.Trigger;

/**
 * What the console's update guards share: an H2 row trigger that, for the console's account, lets an update change
 * one column of the table, and only to a value the guard accepts; every other column must stay as it was. H2 grants
 * rights on whole tables only, so this is how the console gets less. Updates by the application's own account pass
 * untouched.
 */
abstract class ConsoleUpdateGuard implements Trigger {

    private final String column;

    private final Predicate<Object> acceptedValue;

    private final String refusal;

    private int index = -1;

    /**
     * @param column the one column the console may change
     * @param acceptedValue which new values of it the console may write
     * @param refusal the message of the SQL error that refuses any other update
     */
    ConsoleUpdateGuard(String column, Predicate<Object> acceptedValue, String refusal) {
        this.column = column;
        this.acceptedValue = acceptedValue;
        this.refusal = refusal;
    }

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getColumns(null, schema, table, null)) {
            while (rows.next()) {
                columns.add(rows.getString("COLUMN_NAME"));
            }
        }
        this.index = columns.indexOf(this.column);
        if (this.index < 0) {
            throw new SQLException(table + " has no " + this.column + " column");
        }
    }

    @Override
    public void fire(Connection connection, Object[] before, Object[] after) throws SQLException {
        if (!ConsoleAccount.USER.equalsIgnoreCase(connection.getMetaData().getUserName())) {
            return;
        }
        for (int column = 0; column < before.length; column++) {
            if (Objects.deepEquals(before[column], after[column])) {
                continue;
            }
            if (column != this.index || !this.acceptedValue.test(after[column])) {
                throw new SQLException(this.refusal, "42501");
            }
        }
    }

}
