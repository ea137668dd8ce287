package com.realtimefinance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NativeLibraryTest {
    @Test
    void linuxAmd64MapsToLinuxX86_64() {
        assertEquals("native/linux-x86_64/librealtime_finance_uniffi.so",
                NativeLibrary.resourcePath("Linux", "amd64"));
    }

    @Test
    void macArm64MapsToMacosAarch64() {
        assertEquals("native/macos-aarch64/librealtime_finance_uniffi.dylib",
                NativeLibrary.resourcePath("Mac OS X", "aarch64"));
    }

    @Test
    void unknownPlatformErrorNamesIt() {
        UnsatisfiedLinkError error = assertThrows(UnsatisfiedLinkError.class,
                () -> NativeLibrary.resourcePath("SunOS", "sparcv9"));

        assertTrue(error.getMessage().contains("os.name=SunOS"), error.getMessage());
        assertTrue(error.getMessage().contains("os.arch=sparcv9"), error.getMessage());
        assertTrue(error.getMessage().contains(NativeLibrary.OVERRIDE_PROPERTY), error.getMessage());
    }

    @Test
    void jarCarriesHostLibrary() {
        String resource = NativeLibrary.resourcePath(System.getProperty("os.name"), System.getProperty("os.arch"));

        assertTrue(NativeLibrary.class.getClassLoader().getResource(resource) != null, "missing " + resource);
    }

    @Test
    void jsonEscapesControlCharacters() {
        assertEquals("{\"a\":\"x\\\"y\\n\\u0001\",\"b\":[1,true,null]}",
                Json.write(new java.util.TreeMap<>(java.util.Map.of("a", "x\"y\n\u0001",
                        "b", java.util.Arrays.asList(1L, true, null)))));
    }
}
