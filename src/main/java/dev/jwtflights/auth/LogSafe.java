package dev.jwtflights.auth;

/**
 * Makes text typed by a client safe to put in a log line: no line breaks or control characters, bounded length.
 */
final class LogSafe {

    private static final int MAX_LENGTH = 100;

    private LogSafe() {
    }

    static String text(String value) {
        if (value == null) {
            return "";
        }
        String shortened = (value.length() > MAX_LENGTH) ? value.substring(0, MAX_LENGTH) + "..." : value;
        return shortened.replaceAll("\\p{Cntrl}", "?");
    }

}
