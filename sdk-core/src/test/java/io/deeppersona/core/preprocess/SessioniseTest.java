package io.deeppersona.core.preprocess;

import static io.deeppersona.core.preprocess.TestLogs.buy;
import static io.deeppersona.core.preprocess.TestLogs.log;
import static org.assertj.core.api.Assertions.assertThat;

import io.deeppersona.api.EventLog;
import io.deeppersona.spi.PreprocessResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessioniseTest {
    @Test
    void startsANewSessionWhenTheGapExceedsTheLimit() {
        EventLog log = log(buy("c1", "a", 0), buy("c1", "b", 30), buy("c1", "c", 61), buy("c1", "d", 70),
                buy("c2", "a", 500), buy("c2", "b", 1000), buy(null, "z", 0));

        PreprocessResult result = new Sessionise(SessioniseOptions.defaults()).apply(log);

        assertThat(sessions(result.events())).containsExactly("1", "1", "2", "2", "1", "2", null);
        assertThat(result.dropped()).isEmpty();
        assertThat(log.attributeNames()).doesNotContain("session");
    }

    @Test
    void replacesAnExistingSessionColumn() {
        EventLog log = log(buy("c1", "a", 0), buy("c1", "b", 30));
        EventLog once = new Sessionise(new SessioniseOptions(10)).apply(log).events();

        EventLog twice = new Sessionise(new SessioniseOptions(60)).apply(once).events();

        assertThat(sessions(once)).containsExactly("1", "2");
        assertThat(twice.attributeNames()).containsExactly("session");
        assertThat(sessions(twice)).containsExactly("1", "1");
    }

    private static List<String> sessions(EventLog log) {
        int column = log.attributeColumn(Sessionise.SESSION);
        List<String> sessions = new ArrayList<>();
        for (int row = 0; row < log.size(); row++) {
            sessions.add(log.attribute(row, column));
        }
        return sessions;
    }
}
