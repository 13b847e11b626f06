package io.deeppersona.core.deploy;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The {@code HISTORY} file: an append-only log, one line per event ({@code <instant> TAB <action> TAB <version>}),
 * from which deploy times and the rollback chain are replayed. {@code ACTIVE}, not this log, says what serves, so
 * a log line lost in a crash can only shorten the rollback chain. Not thread-safe; the deployer's lock guards it.
 */
final class DeploymentHistory {
    enum Action { DEPLOYED, ACTIVATED, ROLLED_BACK }

    record Event(Instant at, Action action, String version) {
        Event {
            requireNonNull(at, "at is null");
            requireNonNull(action, "action is null");
            requireNonNull(version, "version is null");
        }
    }

    private final Path file;

    DeploymentHistory(Path file) {
        this.file = requireNonNull(file, "file is null");
    }

    void append(Event event) throws IOException {
        String line = event.at() + "\t" + event.action() + "\t" + event.version() + "\n";
        // One small O_APPEND write per event, so two deployers on one root never interleave within a line.
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
    }

    /** Returns the events in order; lines that do not parse (a torn last line after a crash) are skipped. */
    List<Event> events() throws IOException {
        List<Event> events = new ArrayList<>();
        if (!Files.exists(file)) {
            return events;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] parts = line.split("\t");
            if (parts.length != 3) {
                continue;
            }
            try {
                events.add(new Event(Instant.parse(parts[0]), Action.valueOf(parts[1]), parts[2]));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                // Skipped on purpose: the log is advisory and ACTIVE stays authoritative.
            }
        }
        return events;
    }

    /** Returns when {@code version} was deployed, if the log still says. */
    Optional<Instant> deployedAt(String version) throws IOException {
        return events().stream()
                .filter(event -> event.action() == Action.DEPLOYED && event.version().equals(version))
                .map(Event::at)
                .findFirst();
    }

    /**
     * Replays activations into a stack whose top is {@code active}: an activation pushes, a rollback pops back to
     * the version it restored.
     */
    Deque<String> activationStack(String active) throws IOException {
        Deque<String> stack = new ArrayDeque<>();
        for (Event event : events()) {
            if (event.action() == Action.ACTIVATED) {
                stack.push(event.version());
            } else if (event.action() == Action.ROLLED_BACK) {
                stack.poll();
                if (!event.version().equals(stack.peek())) {
                    stack.push(event.version());
                }
            }
        }
        if (active != null && !active.equals(stack.peek())) {
            stack.push(active);
        }
        return stack;
    }

    /** Returns the highest version number the log mentions, so a pruned id is never handed out again. */
    int highestVersionNumber() throws IOException {
        return events().stream()
                .mapToInt(event -> VersionIds.number(event.version()).orElse(0))
                .max()
                .orElse(0);
    }
}
