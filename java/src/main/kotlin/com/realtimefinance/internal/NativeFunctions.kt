package com.realtimefinance.internal

import com.realtimefinance.internal.ffi.FfiEvent
import com.realtimefinance.internal.ffi.FfiLogLevel
import com.realtimefinance.internal.ffi.LogSink
import java.time.Duration

/**
 * Static entry points for the generated top-level functions, whose Kotlin
 * file class name (`Realtime_finance_uniffiKt`) is an accident of the crate
 * name that Java code should not spell.
 */
object NativeFunctions {
    @JvmStatic
    fun coreVersion(): String = com.realtimefinance.internal.ffi.coreVersion()

    @JvmStatic
    fun verifyWebhook(payload: ByteArray, headers: Map<String, String>, secrets: List<String>, tolerance: Duration?): FfiEvent =
        com.realtimefinance.internal.ffi.verifyWebhook(payload, headers, secrets, tolerance)

    @JvmStatic
    fun installLogSink(sink: LogSink, maxLevel: FfiLogLevel): Boolean =
        com.realtimefinance.internal.ffi.installLogSink(sink, maxLevel)
}
