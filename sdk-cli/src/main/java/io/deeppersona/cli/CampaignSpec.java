package io.deeppersona.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** One {@code --campaign NAME=MODEL[:DAYS]} of {@code deeppersona train}. */
record CampaignSpec(String name, String model, int days) {
    private static final Pattern FORM = Pattern.compile("([a-z0-9]+(?:-[a-z0-9]+)*)=([a-z0-9]+(?:-[a-z0-9]+)*)(?::([0-9]{1,4}))?");
    static final int DEFAULT_DAYS = 30;

    static CampaignSpec parse(String text, CommandLine commandLine) {
        Matcher matcher = FORM.matcher(text);
        if (!matcher.matches()) {
            throw new CommandLine.ParameterException(commandLine, "--campaign '" + text + "' must look like "
                    + "NAME=MODEL[:DAYS] with lower-kebab names, e.g. buy-next-30-days=logistic-regression:30");
        }
        int days = matcher.group(3) == null ? DEFAULT_DAYS : Integer.parseInt(matcher.group(3));
        if (days < 1) {
            throw new CommandLine.ParameterException(commandLine, "--campaign '" + text + "': DAYS must be >= 1");
        }
        return new CampaignSpec(matcher.group(1), matcher.group(2), days);
    }
}
