package io.deeppersona.core;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The SDK's own JSON and YAML mappers, built once. A host's mapper is never touched or reconfigured.
 *
 * <p>The JSON mapper binds options strictly (an unknown property fails) and writes dates as ISO-8601 text.
 */
public final class SdkJson {
    private static final JsonMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private SdkJson() {
    }

    /** Returns the JSON mapper; thread-safe, never to be reconfigured. */
    public static ObjectMapper json() {
        return JSON;
    }

    /** Returns the YAML mapper for pipeline specs; thread-safe, never to be reconfigured. */
    public static ObjectMapper yaml() {
        return YAML;
    }
}
