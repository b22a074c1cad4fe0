package dev.jwtflights.console;

/**
 * An H2 trigger on {@code app_user}: for the console's account, an update may change the {@code enabled} flag and
 * nothing else (no username, password hash or role). Public, with a public constructor, because H2 creates it.
 * <p>
 * The trigger that names this class is stored in the database ({@code CONSOLE_UPDATE_GUARD}): before this class is
 * renamed or moved, the trigger must be dropped, or H2 cannot load it when {@code app_user} is updated.
 */
public class ConsoleUserUpdateGuard extends ConsoleUpdateGuard {

    public ConsoleUserUpdateGuard() {
        super("ENABLED", value -> true, "The console may change app_user.enabled only");
    }

}
