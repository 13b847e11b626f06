package io.deeppersona.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.deeppersona.core.SdkJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Parses {@code --model-option MODEL.KEY=VALUE} flags into per-model option maps. Values are YAML scalars or flow
 * collections, so {@code 250}, {@code true}, {@code per-customer} and {@code [ease, item-knn]} all mean what they
 * look like.
 */
final class ModelOptions {
    private ModelOptions() {
    }

    static Map<String, Map<String, Object>> parse(List<String> flags, CommandLine commandLine) {
        Map<String, Map<String, Object>> byModel = new LinkedHashMap<>();
        for (String flag : flags) {
            int dot = flag.indexOf('.');
            int equals = flag.indexOf('=');
            if (dot < 1 || equals < dot + 2) {
                throw new CommandLine.ParameterException(commandLine,
                        "--model-option must look like MODEL.KEY=VALUE (e.g. ease.lambda=500), got '" + flag + "'");
            }
            String model = flag.substring(0, dot);
            String key = flag.substring(dot + 1, equals);
            byModel.computeIfAbsent(model, m -> new LinkedHashMap<>()).put(key, value(flag.substring(equals + 1),
                    flag, commandLine));
        }
        return byModel;
    }

    private static Object value(String text, String flag, CommandLine commandLine) {
        try {
            Object value = SdkJson.yaml().readValue(text.isEmpty() ? "''" : text, Object.class);
            return value == null ? text : value;
        } catch (JsonProcessingException e) {
            throw new CommandLine.ParameterException(commandLine, "--model-option '" + flag
                    + "' has a value that is not a YAML scalar or list: " + e.getOriginalMessage());
        }
    }
}
