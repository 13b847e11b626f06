package io.deeppersona.api.error;

/**
 * No provider with the requested name is registered; the message lists the available names.
 *
 * @since 0.1
 */
public class PluginNotFoundException extends PersonalizationException {
    public PluginNotFoundException(String message) {
        super(ErrorCode.PLUGIN_NOT_FOUND, message);
    }

    public PluginNotFoundException(String message, Throwable cause) {
        super(ErrorCode.PLUGIN_NOT_FOUND, message, cause);
    }

}
