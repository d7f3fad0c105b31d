package cn.gov.partyaffairs.gateway.internalapi;

import java.util.regex.Pattern;

/**
 * What the forwarder may pass on: a plain path under the owning service's API, {@code /<segment>/...}. A dot
 * segment, a matrix parameter ({@code ..;}), an encoded slash, backslash or dot, or an empty segment could make the
 * service see another path than the one the gateway routed — its management endpoints under {@code /q/}, say.
 */
final class ForwardedPath {

    /** Unreserved characters, the sub-delimiters a code or id may use (no ';'), and percent-encoded octets. */
    private static final Pattern SEGMENT = Pattern.compile("(?:[A-Za-z0-9\\-_~!$&'()*+,=:@]|%[0-9A-Fa-f]{2}|\\.)+");
    /** Encoded '/', '\\', '.', ';' and NUL: decoded by some server on the way, they would change the path. */
    private static final Pattern SMUGGLED = Pattern.compile("%(?:2[fFeE]|5[cC]|3[bB]|00)");

    private ForwardedPath() {
    }

    static boolean isPlain(String rawPath, String segment) {
        if (!rawPath.equals("/" + segment) && !rawPath.startsWith("/" + segment + "/")) {
            return false;
        }
        if (SMUGGLED.matcher(rawPath).find()) {
            return false;
        }
        String[] parts = rawPath.substring(1).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty() && i == parts.length - 1 && i > 0) {
                continue; // a trailing slash
            }
            if (part.isEmpty() || part.equals(".") || part.equals("..") || !SEGMENT.matcher(part).matches()) {
                return false;
            }
        }
        return true;
    }
}
