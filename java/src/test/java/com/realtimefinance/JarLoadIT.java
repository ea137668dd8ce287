package com.realtimefinance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the quickstart in a fresh JVM whose class path holds only the
 * packaged jar and its declared runtime dependencies, so the jar must find,
 * extract and load its own native library. Runs after {@code package}.
 */
class JarLoadIT {
    private static Sandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private static String classPath() throws IOException {
        Path jar = Path.of(System.getProperty("rtf.jar"));
        String dependencies = Files.readString(Path.of(System.getProperty("rtf.runtime.classpath.file"))).trim();
        assertTrue(Files.isRegularFile(jar), "missing " + jar);
        return jar + File.pathSeparator + dependencies;
    }

    private static Process runQuickstart(String secretKey, String... arguments) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path quickstart = Path.of(System.getProperty("rtf.workspace.dir"), "java", "examples", "Quickstart.java");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-cp", classPath(),
                quickstart.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("REALTIME_FINANCE_"));
        builder.environment().put("REALTIME_FINANCE_SECRET_KEY", secretKey);
        builder.environment().put("REALTIME_FINANCE_BASE_URL", sandbox.baseUrl());
        return builder.start();
    }

    private static String output(Process process) throws Exception {
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "quickstart did not exit within 120 s");
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void quickstartPrintsTransaction() throws Exception {
        Process process = runQuickstart(sandbox.secretKey());

        String output = output(process);

        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("Transaction{id='txn_"), output);
    }

    @Test
    void quickstartReportsErrorAndExits1() throws Exception {
        Process process = runQuickstart(sandbox.secretKey(), "txn_doesnotexist");

        String output = output(process);

        assertEquals(1, process.exitValue(), output);
        assertTrue(output.contains("error: NotFoundException"), output);
    }
}
