package com.realtimefinance.internal;

import com.realtimefinance.internal.ffi.FfiLogLevel;
import com.realtimefinance.internal.ffi.FfiLogRecord;
import com.realtimefinance.internal.ffi.LogSink;

/**
 * Forwards the Rust core's log events to {@link System.Logger} under the
 * name {@value #LOGGER_NAME}; SLF4J, Log4j and others bridge
 * {@code System.Logger} through their own adapters.
 *
 * <p>The level is read once, when the native library loads: events more
 * verbose than the logger's level at that moment are never sent across. The
 * core never puts a secret into an event.
 */
final class SdkLogging {
    static final String LOGGER_NAME = "realtime_finance";

    private SdkLogging() {}

    static void install() {
        System.Logger logger = System.getLogger(LOGGER_NAME);
        FfiLogLevel maxLevel = maxLevel(logger);
        if (maxLevel == null) {
            return;
        }
        NativeFunctions.installLogSink(new Sink(logger), maxLevel);
    }

    private static FfiLogLevel maxLevel(System.Logger logger) {
        if (logger.isLoggable(System.Logger.Level.TRACE)) {
            return FfiLogLevel.TRACE;
        } else if (logger.isLoggable(System.Logger.Level.DEBUG)) {
            return FfiLogLevel.DEBUG;
        } else if (logger.isLoggable(System.Logger.Level.INFO)) {
            return FfiLogLevel.INFO;
        } else if (logger.isLoggable(System.Logger.Level.WARNING)) {
            return FfiLogLevel.WARN;
        } else if (logger.isLoggable(System.Logger.Level.ERROR)) {
            return FfiLogLevel.ERROR;
        }
        return null;
    }

    private static final class Sink implements LogSink {
        private final System.Logger logger;

        Sink(System.Logger logger) {
            this.logger = logger;
        }

        @Override
        public void log(FfiLogRecord record) {
            // This runs on a native runtime thread: an exception escaping
            // here would abort the native call that logged.
            try {
                logger.log(toJavaLevel(record.getLevel()), "[{0}] {1}", record.getTarget(), record.getMessage());
            } catch (RuntimeException ignored) {
                // A broken logging backend must not break API calls.
            }
        }

        private static System.Logger.Level toJavaLevel(FfiLogLevel level) {
            switch (level) {
                case ERROR:
                    return System.Logger.Level.ERROR;
                case WARN:
                    return System.Logger.Level.WARNING;
                case INFO:
                    return System.Logger.Level.INFO;
                case DEBUG:
                    return System.Logger.Level.DEBUG;
                default:
                    return System.Logger.Level.TRACE;
            }
        }
    }
}
