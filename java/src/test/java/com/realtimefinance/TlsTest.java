package com.realtimefinance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTPS against {@code rtf sandbox --tls}, whose certificate is signed by a CA made at start. */
class TlsTest {
    private static Sandbox sandbox;
    private static Path caCertificate;

    @BeforeAll
    static void startTlsSandbox() {
        sandbox = Sandbox.start("--tls");
        caCertificate = Path.of(sandbox.caCertificatePath());
    }

    @AfterAll
    static void stopTlsSandbox() {
        sandbox.close();
    }

    @Test
    void caCertificateFileIsTrusted() {
        assertTrue(sandbox.baseUrl().startsWith("https://"), sandbox.baseUrl());

        try (RealTimeFinanceClient client = sandbox.clientBuilder()
                .apiKey(sandbox.secretKey())
                .caCertificate(caCertificate)
                .build()) {
            Transaction transaction = client.transactions().list().iterator().next();

            assertTrue(transaction.getId().startsWith("txn_"), transaction.getId());
        }
    }

    @Test
    void caCertificatePemIsTrusted() throws Exception {
        try (RealTimeFinanceClient client = sandbox.clientBuilder()
                .apiKey(sandbox.secretKey())
                .caCertificatePem(Files.readString(caCertificate))
                .build()) {
            assertEquals(1, client.transactions().list(ListTransactionsParams.builder().limit(1).build())
                    .nextPage().orElseThrow().size());
        }
    }

    @Test
    void unknownCaIsConnectionError() {
        try (RealTimeFinanceClient client = sandbox.clientBuilder().apiKey(sandbox.secretKey()).build()) {
            assertThrows(ConnectionException.class, () -> client.transactions().list(
                    ListTransactionsParams.builder().limit(1).build(), RequestOptions.builder().maxRetries(0).build())
                    .nextPage());
        }
    }
}
