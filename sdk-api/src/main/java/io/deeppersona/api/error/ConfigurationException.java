package io.deeppersona.api.error;

/**
 * Bad builder input, options or specification: an unknown option key, a missing stage, a duplicate name.
 *
 * @since 0.1
 */
public class ConfigurationException extends PersonalizationException {
    public ConfigurationException(String message) {
        super(ErrorCode.CONFIGURATION_INVALID, message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(ErrorCode.CONFIGURATION_INVALID, message, cause);
    }

}
