package dev.jwtflights.system;

/**
 * Makes text typed by a client safe to put in a log line: no line breaks or control characters, bounded length.
 */
public final class LogSafe {

    private static final int MAX_LENGTH = 100;

    private LogSafe() {
    }

    public static String text(String value) {
        return text(value, MAX_LENGTH);
    }

    /**
     * @param maxLength how many characters of the value are kept; a longer value is cut there and ends in "..."
     */
    public static String text(String value, int maxLength) {
        if (value == null) {
            return "";
        }
        String shortened = (value.length() > maxLength) ? value.substring(0, maxLength) + "..." : value;
        // Control and format characters, line and paragraph separators: nothing that could forge a log line.
        return shortened.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "?");
    }

}
