package io.deeppersona.core.source;

/** Makes JDBC URLs and driver messages safe to show: URLs may carry credentials in user-info or parameters. */
final class JdbcUrls {
    private JdbcUrls() {
    }

    /**
     * Returns {@code url} without its parameters ({@code ?a=b}, {@code ;A=B}) and without {@code user:pass@}, e.g.
     * {@code jdbc:postgresql://db:5432/crm} for {@code jdbc:postgresql://u:p@db:5432/crm?password=p}.
     */
    static String redact(String url) {
        String cut = url;
        int parameters = indexOfAny(cut, '?', ';');
        if (parameters >= 0) {
            cut = cut.substring(0, parameters);
        }
        int at = cut.lastIndexOf('@');
        int slashes = cut.indexOf("//");
        if (at >= 0 && slashes >= 0 && at > slashes) {
            cut = cut.substring(0, slashes + 2) + cut.substring(at + 1);
        }
        return cut;
    }

    /** Returns {@code text} with every occurrence of {@code secret} and of the full URL masked. */
    static String mask(String text, String url, String secret) {
        if (text == null) {
            return "";
        }
        String masked = text.replace(url, redact(url));
        if (secret != null && !secret.isEmpty()) {
            masked = masked.replace(secret, "****");
        }
        return masked;
    }

    private static int indexOfAny(String text, char first, char second) {
        int a = text.indexOf(first);
        int b = text.indexOf(second);
        if (a < 0) {
            return b;
        }
        return b < 0 ? a : Math.min(a, b);
    }
}
