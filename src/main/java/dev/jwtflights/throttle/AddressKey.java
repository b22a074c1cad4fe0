package dev.jwtflights.throttle;

import java.util.Locale;

/**
 * Which bucket a client address counts in. An IPv4 address is its own key. An IPv6 client counts by its /64 network,
 * whatever the rest of its address: one line or device usually gets a whole /64, and could otherwise take a fresh
 * address for every few attempts. An IPv4 address written as IPv6 ({@code ::ffff:192.0.2.1}) is the IPv4 address.
 * Tomcat gives the address as text (the forwarded one behind a trusted proxy); it is only read here, never looked up.
 */
final class AddressKey {

    /** Attempts whose address is missing or cannot be an address share one key. */
    static final String UNKNOWN = "unknown";

    /** An IPv6 address in text, with an IPv4 tail, is at most 45 characters. */
    private static final int MAX_ADDRESS = 45;

    private static final String MAPPED_IPV4 = "::ffff:";

    private AddressKey() {
    }

    static String of(String address) {
        if (address == null || address.isBlank() || address.length() > MAX_ADDRESS) {
            return UNKNOWN;
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        String lower = address.toLowerCase(Locale.ROOT);
        int zone = lower.indexOf('%');
        String plain = (zone >= 0) ? lower.substring(0, zone) : lower;
        if (plain.startsWith(MAPPED_IPV4) && plain.indexOf(':', MAPPED_IPV4.length()) < 0
                && plain.indexOf('.') > 0) {
            return plain.substring(MAPPED_IPV4.length());
        }
        int[] groups = ipv6Groups(plain);
        if (groups == null) {
            return plain;
        }
        return Integer.toHexString(groups[0]) + ":" + Integer.toHexString(groups[1]) + ":"
                + Integer.toHexString(groups[2]) + ":" + Integer.toHexString(groups[3]) + "::/64";
    }

    /** The eight 16-bit groups of an IPv6 address in text (with at most one {@code ::}), or null if it is none. */
    private static int[] ipv6Groups(String address) {
        String[] halves = address.split("::", -1);
        if (halves.length > 2) {
            return null;
        }
        String[] head = halves[0].isEmpty() ? new String[0] : halves[0].split(":", -1);
        String[] tail = (halves.length == 1 || halves[1].isEmpty()) ? new String[0] : halves[1].split(":", -1);
        int given = head.length + tail.length;
        if ((halves.length == 1) ? given != 8 : given > 7) {
            return null;
        }
        int[] groups = new int[8];
        for (int i = 0; i < head.length; i++) {
            groups[i] = group(head[i]);
        }
        for (int i = 0; i < tail.length; i++) {
            groups[8 - tail.length + i] = group(tail[i]);
        }
        for (int group : groups) {
            if (group < 0) {
                return null;
            }
        }
        return groups;
    }

    /** The value of one to four ASCII hexadecimal digits, or -1. */
    private static int group(String text) {
        if (text.isEmpty() || text.length() > 4) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int digit = (c < 128) ? Character.digit(c, 16) : -1;
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

}
