package io.deeppersona.core.preprocess;

import static io.deeppersona.core.preprocess.TestLogs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventType;
import io.deeppersona.core.eventlog.ColumnarEventLog;
import io.deeppersona.core.eventlog.ColumnarEventLogBuilder;
import io.deeppersona.spi.PreprocessResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BotFilterTest {
    @Test
    void dropsEveryEventOfCustomersTooFastWithinAMinute() {
        ColumnarEventLogBuilder builder = ColumnarEventLog.builder();
        long t0 = T0.toEpochMilli();
        // bot: 6 events 10 s apart (all within 60 s), then 4 more an hour later.
        for (int i = 0; i < 6; i++) {
            builder.add("bot", "a" + i, EventType.VIEW, t0 + i * 10_000L, 1, Float.NaN);
        }
        for (int i = 0; i < 4; i++) {
            builder.add("bot", "b" + i, EventType.VIEW, t0 + 3_600_000L + i, 1, Float.NaN);
        }
        // edge: 8 events 12 s apart; events exactly 60 s apart do not share a span, so at most 5 do.
        for (int i = 0; i < 8; i++) {
            builder.add("edge", "a" + i, EventType.VIEW, t0 + i * 12_000L, 1, Float.NaN);
        }
        // burst: as fast as bot but too few events overall to judge.
        for (int i = 0; i < 6; i++) {
            builder.add("burst", "a" + i, EventType.VIEW, t0 + i, 1, Float.NaN);
        }
        EventLog log = builder.build();

        PreprocessResult result = new BotFilter(new BotFilterOptions(5, 7)).apply(log);

        assertThat(result.events().size()).isEqualTo(14);
        assertThat(result.dropped()).containsExactly(Map.entry("bot", 10L));
        assertThat(result.events().customerRowsEnd(log.customerIndex("bot"))
                - result.events().customerRowsStart(log.customerIndex("bot"))).isZero();
    }

    @Test
    void defaultsSpareOrdinaryShoppers() {
        ColumnarEventLogBuilder builder = ColumnarEventLog.builder();
        for (int i = 0; i < 100; i++) {
            builder.add("c1", "a" + i, EventType.VIEW, T0.toEpochMilli() + i * 5_000L, 1, Float.NaN);
        }

        assertThat(new BotFilter(BotFilterOptions.defaults()).apply(builder.build()).dropped())
                .containsEntry("bot", 0L);
    }
}
