package dev.jwtflights.console;

/**
 * An H2 trigger on {@code refresh_token}: for the console's account, an update may set {@code is_active} to
 * {@code FALSE} (revoke) and do nothing else. Without it, the console could give a session to another user (its
 * {@code username}), bring a revoked one back, or move an expiry. Public, with a public constructor, because H2
 * creates it.
 * <p>
 * The trigger that names this class is stored in the database ({@code CONSOLE_TOKEN_GUARD}): before this class is
 * renamed or moved, the trigger must be dropped, or H2 cannot load it when {@code refresh_token} is updated.
 */
public class ConsoleTokenUpdateGuard extends ConsoleUpdateGuard {

    public ConsoleTokenUpdateGuard() {
        super("IS_ACTIVE", Boolean.FALSE::equals, "The console may only revoke: set refresh_token.is_active to FALSE");
    }

}
