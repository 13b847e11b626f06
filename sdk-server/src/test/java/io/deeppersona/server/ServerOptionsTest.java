package io.deeppersona.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.error.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerOptionsTest {
    private static final String TOKEN = "0123456789abcdef0123";

    @Test
    void defaultsBindLoopbackWithTheBriefsLimits() {
        ServerOptions options = ServerOptions.builder().token(TOKEN).build();

        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.loopbackOnly()).isTrue();
        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(options.maxEventsPerRequest()).isEqualTo(10_000);
        assertThat(options.maxCustomerIdLength()).isEqualTo(128);
        assertThat(options.maxK()).isEqualTo(1000);
    }

    @Test
    void toStringNeverShowsTheToken() {
        assertThat(ServerOptions.builder().token(TOKEN).build().toString()).doesNotContain(TOKEN).contains("***");
    }

    @Test
    void refusesMissingWeakOrSpacedTokens() {
        assertThatThrownBy(() -> ServerOptions.builder().build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("token is required");
        assertThatThrownBy(() -> ServerOptions.builder().token("short").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("at least 16");
        assertThatThrownBy(() -> ServerOptions.builder().token("0123456789 abcdef0123").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("without spaces");
    }

    @Test
    void refusesOutOfRangeValues() {
        assertThatThrownBy(() -> ServerOptions.builder().token(TOKEN).port(70_000).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("70000");
        assertThatThrownBy(() -> ServerOptions.builder().token(TOKEN).maxK(0).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("maxK");
        assertThatThrownBy(() -> ServerOptions.builder().token(TOKEN).host(" ").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("host");
    }

    @Test
    void builderIsSingleUseAndToBuilderCopies() {
        ServerOptions.Builder builder = ServerOptions.builder().token(TOKEN).port(0);
        ServerOptions options = builder.build();

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
        assertThat(options.toBuilder().maxK(5).build()).isEqualTo(
                new ServerOptions("127.0.0.1", 0, TOKEN, options.maxBodyBytes(), options.maxEventsPerRequest(),
                        options.maxCustomerIdLength(), 5, options.maxThreads(), options.stopTimeout()));
    }

    @Test
    void readsATokenFileWithATrailingNewline(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("token"), TOKEN + "\n");

        assertThat(ServerOptions.readToken(file)).isEqualTo(TOKEN);
        assertThat(ServerOptions.builder().tokenFile(file).build().token()).isEqualTo(TOKEN);
    }

    @Test
    void refusesMissingEmptyOrMultiLineTokenFiles(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> ServerOptions.readToken(dir.resolve("absent")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("does not exist")
                .hasMessageContaining("openssl rand");
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertThatThrownBy(() -> ServerOptions.readToken(empty))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("is empty");
        Path twoLines = Files.writeString(dir.resolve("two"), TOKEN + "\n" + TOKEN + "\n");
        assertThatThrownBy(() -> ServerOptions.readToken(twoLines))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("more than one line");
    }
}
