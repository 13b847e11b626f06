package io.deeppersona.core.deploy;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Version ids of the file-system deployer: {@code v} and a zero-padded number, e.g. {@code v0003}. */
final class VersionIds {
    private static final Pattern ID = Pattern.compile("v(\\d{4,9})");

    private VersionIds() {
    }

    static String of(int number) {
        return String.format(java.util.Locale.ROOT, "v%04d", number);
    }

    static OptionalInt number(String id) {
        Matcher matcher = ID.matcher(id);
        return matcher.matches() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
