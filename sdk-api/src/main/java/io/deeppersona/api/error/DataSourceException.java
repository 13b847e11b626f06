package io.deeppersona.api.error;

/**
 * Reading training or serving data failed. Either the source itself failed ({@link ErrorCode#DATA_SOURCE_FAILED},
 * e.g. an {@code IOException} as the cause) or a record was invalid under the fail-fast policy
 * ({@link ErrorCode#DATA_INVALID}; the message names the source, line and field).
 *
 * @since 0.1
 */
public class DataSourceException extends PersonalizationException {
    public DataSourceException(String message) {
        super(ErrorCode.DATA_SOURCE_FAILED, message);
    }

    public DataSourceException(String message, Throwable cause) {
        super(ErrorCode.DATA_SOURCE_FAILED, message, cause);
    }

    public DataSourceException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
