package com.realtimefinance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TransactionsTest {
    private static Sandbox sandbox;
    private static RealTimeFinanceClient client;

    @BeforeAll
    static void startClient() {
        sandbox = Sandbox.shared();
        client = sandbox.client();
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    private static Transaction first() {
        return client.transactions().list(ListTransactionsParams.builder().limit(1).build()).iterator().next();
    }

    @Test
    void retrieveReturnsListedTransaction() {
        Transaction listed = first();

        Transaction fetched = client.transactions().retrieve(listed.getId());

        assertEquals(listed, fetched);
        assertEquals(listed.hashCode(), fetched.hashCode());
        assertTrue(fetched.getId().startsWith("txn_"), fetched.getId());
        assertEquals("transaction", fetched.getObject());
        assertTrue(fetched.getAmount() > 0, "amount " + fetched.getAmount());
        assertEquals(3, fetched.getCurrency().length(), fetched.getCurrency());
    }

    @Test
    void toStringShowsFields() {
        Transaction transaction = first();

        String text = transaction.toString();

        assertTrue(text.startsWith("Transaction{id='" + transaction.getId() + "'"), text);
        assertTrue(text.contains("amount=" + transaction.getAmount()), text);
    }

    @Test
    void retrieveUnknownIdIsNotFound() {
        NotFoundException error = assertThrows(NotFoundException.class,
                () -> client.transactions().retrieve("txn_doesnotexist"));

        assertEquals(404, error.getStatusCode());
        assertEquals("resource_missing", error.getCode());
        assertEquals("id", error.getParam());
        assertEquals("not_found", error.getKind());
        assertTrue(error.getRequestId().startsWith("req_"), error.getRequestId());
    }

    @Test
    void retrieveAsyncCompletes() throws Exception {
        Transaction listed = first();

        Transaction fetched = client.transactions().retrieveAsync(listed.getId()).get(30, TimeUnit.SECONDS);

        assertEquals(listed, fetched);
    }

    @Test
    void retrieveAsyncFailsWithTypedException() {
        var future = client.transactions().retrieveAsync("txn_doesnotexist");

        var error = assertThrows(java.util.concurrent.ExecutionException.class, () -> future.get(30, TimeUnit.SECONDS));

        assertTrue(error.getCause() instanceof NotFoundException, String.valueOf(error.getCause()));
    }

    @Test
    void listCrossesPagesWithoutRepeats() {
        List<Transaction> items = client.transactions()
                .list(ListTransactionsParams.builder().limit(7).build())
                .stream()
                .limit(25)
                .collect(Collectors.toList());

        Set<String> ids = items.stream().map(Transaction::getId).collect(Collectors.toSet());
        assertEquals(25, items.size());
        assertEquals(25, ids.size());
    }

    @Test
    void listFiltersEveryPageByStatus() {
        List<Transaction> items = client.transactions()
                .list(ListTransactionsParams.builder().limit(10).status(TransactionStatus.POSTED).build())
                .stream()
                .limit(20)
                .collect(Collectors.toList());

        assertEquals(20, items.size());
        for (Transaction item : items) {
            assertEquals(TransactionStatus.POSTED, item.getStatus(), item.getId());
        }
    }

    @Test
    void listRejectsLimitOverHundred() {
        InvalidRequestException error = assertThrows(InvalidRequestException.class,
                () -> client.transactions().list(ListTransactionsParams.builder().limit(101).build()).iterator().next());

        assertEquals("limit", error.getParam());
    }

    @Test
    void nextPageAsyncPagesUntilEmpty() throws Exception {
        AutoPagingIterable<Transaction> pages = client.transactions()
                .list(ListTransactionsParams.builder().limit(100).build());
        Set<String> ids = new HashSet<>();
        int pageCount = 0;

        while (true) {
            Optional<List<Transaction>> page = pages.nextPageAsync().get(30, TimeUnit.SECONDS);
            if (page.isEmpty()) {
                break;
            }
            pageCount++;
            for (Transaction transaction : page.get()) {
                assertTrue(ids.add(transaction.getId()), "repeated " + transaction.getId());
            }
        }

        assertTrue(pageCount > 1, "pages: " + pageCount);
        assertFalse(pages.nextPage().isPresent());
    }

    @Test
    void secondIteratorContinuesCursor() {
        AutoPagingIterable<Transaction> items = client.transactions()
                .list(ListTransactionsParams.builder().limit(2).build());

        Transaction fromFirst = items.nextPage().orElseThrow().get(0);
        Transaction fromSecond = items.iterator().next();

        assertNotEquals(fromFirst.getId(), fromSecond.getId());
    }
}
