package com.realtimefinance.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Extracts the SDK's native library from the jar and points the generated
 * bindings at it, once per class loader.
 *
 * <p>The jar carries one library per platform under
 * {@code native/<os>-<arch>/<file>}, for example
 * {@code native/linux-x86_64/librealtime_finance_uniffi.so}. Setting the
 * system property {@value #OVERRIDE_PROPERTY} to a library path skips the
 * extraction and loads that file instead. Thread-safe.
 */
public final class NativeLibrary {
    /** The UniFFI component (namespace) name of the glue crate. */
    static final String COMPONENT = "realtime_finance_uniffi";

    /** The property that the generated Kotlin reads to find the library. */
    public static final String OVERRIDE_PROPERTY = "uniffi.component." + COMPONENT + ".libraryOverride";

    /** Platforms whose library this jar is built to carry. */
    static final String SUPPORTED_PLATFORMS = "linux-x86_64";

    private static volatile boolean loaded;

    private NativeLibrary() {}

    /**
     * Loads the native library if it is not loaded yet, and installs the log
     * forwarding.
     *
     * @throws UnsatisfiedLinkError when the jar has no library for this
     *     platform or the library fails to load; the message names
     *     {@code os.name} and {@code os.arch}
     */
    public static void ensureLoaded() {
        if (loaded) {
            return;
        }
        synchronized (NativeLibrary.class) {
            if (loaded) {
                return;
            }
            if (System.getProperty(OVERRIDE_PROPERTY) == null) {
                System.setProperty(OVERRIDE_PROPERTY, extract().toString());
            }
            try {
                // The first call loads the library and checks that its UniFFI
                // contract and checksums match the generated code.
                NativeFunctions.coreVersion();
            } catch (UnsatisfiedLinkError | ExceptionInInitializerError | NoClassDefFoundError error) {
                UnsatisfiedLinkError wrapped = new UnsatisfiedLinkError(
                        "failed to load the Real Time Finance native library " + System.getProperty(OVERRIDE_PROPERTY)
                                + " on os.name=" + System.getProperty("os.name")
                                + ", os.arch=" + System.getProperty("os.arch") + ": " + error);
                wrapped.initCause(error);
                throw wrapped;
            }
            SdkLogging.install();
            loaded = true;
        }
    }

    /**
     * Returns the jar resource path of the library for a platform, such as
     * {@code native/linux-x86_64/librealtime_finance_uniffi.so}.
     *
     * @throws UnsatisfiedLinkError for an operating system or processor
     *     family that the SDK has no naming rule for
     */
    static String resourcePath(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        String platformOs;
        String file;
        if (os.startsWith("linux")) {
            platformOs = "linux";
            file = "lib" + COMPONENT + ".so";
        } else if (os.startsWith("mac") || os.startsWith("darwin")) {
            platformOs = "macos";
            file = "lib" + COMPONENT + ".dylib";
        } else if (os.startsWith("windows")) {
            platformOs = "windows";
            file = COMPONENT + ".dll";
        } else {
            throw unsupported(osName, osArch);
        }
        String platformArch;
        switch (arch) {
            case "amd64":
            case "x86_64":
                platformArch = "x86_64";
                break;
            case "aarch64":
            case "arm64":
                platformArch = "aarch64";
                break;
            default:
                throw unsupported(osName, osArch);
        }
        return "native/" + platformOs + "-" + platformArch + "/" + file;
    }

    static UnsatisfiedLinkError unsupported(String osName, String osArch) {
        return new UnsatisfiedLinkError("the Real Time Finance SDK has no native library for os.name=" + osName
                + ", os.arch=" + osArch + " (this jar supports " + SUPPORTED_PLATFORMS + "); build the "
                + "realtime-finance-uniffi crate for this platform and set -D" + OVERRIDE_PROPERTY
                + "=<path to the library>");
    }

    private static Path extract() {
        String osName = System.getProperty("os.name");
        String osArch = System.getProperty("os.arch");
        String resource = resourcePath(osName, osArch);
        try (InputStream in = NativeLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw unsupported(osName, osArch);
            }
            Path directory = Files.createTempDirectory("realtime-finance-native-");
            Path library = directory.resolve(resource.substring(resource.lastIndexOf('/') + 1));
            Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
            // NOTE: deleteOnExit runs at a normal JVM exit only; a killed JVM
            // leaves the extracted copy in the temporary directory.
            library.toFile().deleteOnExit();
            directory.toFile().deleteOnExit();
            return library;
        } catch (IOException e) {
            UnsatisfiedLinkError error = new UnsatisfiedLinkError("failed to extract the Real Time Finance native "
                    + "library " + resource + " to the temporary directory " + System.getProperty("java.io.tmpdir")
                    + ": " + e + "; check that it is writable or set -Djava.io.tmpdir");
            error.initCause(e);
            throw error;
        }
    }
}
