package dev.jwtflights.console;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.h2.api.Trigger;

/**
 * An H2 trigger on {@code app_user}: for the console's account, an update may change the {@code enabled} flag and
 * nothing else (no username, password hash or role), since H2 grants rights on whole tables only. Updates by the
 * application's own account pass untouched. Public, with a public constructor, because H2 creates it.
 * <p>
 * The trigger that names this class is stored in the database ({@code CONSOLE_UPDATE_GUARD}): before this class is
 * renamed or moved, the trigger must be dropped, or H2 cannot load it when {@code app_user} is updated.
 */
public class ConsoleUserUpdateGuard implements Trigger {

    private int enabled = -1;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getColumns(null, schema, table, null)) {
            while (rows.next()) {
                columns.add(rows.getString("COLUMN_NAME"));
            }
        }
        this.enabled = columns.indexOf("ENABLED");
        if (this.enabled < 0) {
            throw new SQLException(table + " has no ENABLED column");
        }
    }

    @Override
    public void fire(Connection connection, Object[] before, Object[] after) throws SQLException {
        if (!ConsoleAccount.USER.equalsIgnoreCase(connection.getMetaData().getUserName())) {
            return;
        }
        for (int column = 0; column < before.length; column++) {
            if (column != this.enabled && !Objects.deepEquals(before[column], after[column])) {
                throw new SQLException("The console may change app_user.enabled only", "42501");
            }
        }
    }

}
