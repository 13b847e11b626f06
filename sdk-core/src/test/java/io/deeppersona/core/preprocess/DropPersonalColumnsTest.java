package io.deeppersona.core.preprocess;

import static io.deeppersona.core.preprocess.TestLogs.event;
import static io.deeppersona.core.preprocess.TestLogs.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventType;
import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.core.DefaultProviderContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DropPersonalColumnsTest {
    @Test
    void removesNamedColumnsAndIgnoresAbsentOnes() {
        EventLog log = log(event("c1", "a", EventType.VIEW, 0, 1, 1,
                Map.of("email", "a@example.com", "Country", "UK", "phone", "0123")));

        EventLog out = new DropPersonalColumns(new DropPersonalColumnsOptions(List.of("email", "phone", "address")))
                .apply(log).events();

        assertThat(out.attributeNames()).containsExactly("Country");
        assertThat(out.size()).isEqualTo(1);
        assertThat(log.attributeNames()).contains("email");
    }

    @Test
    void requiresColumns() {
        assertThatThrownBy(() -> new DropPersonalColumnsProvider().create(Map.of(), DefaultProviderContext.create()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("columns");
    }
}
