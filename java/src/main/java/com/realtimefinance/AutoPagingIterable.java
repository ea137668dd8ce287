package com.realtimefinance;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every element of a list call, fetched page by page as iteration reaches
 * it. The paging cursor lives in the SDK core.
 *
 * <p>An instance is one pass over the list: all iterators, streams and
 * {@code nextPage} calls share one cursor, so a second iterator continues
 * where the first stopped. Thread-safe, with pages handed out one at a
 * time, but a single {@link Iterator} is not. A failed page fetch throws a
 * {@link RealTimeFinanceException}; fetching again retries the same page.
 *
 * @param <T> the element type
 */
public final class AutoPagingIterable<T> implements Iterable<T> {
    private final Supplier<List<T>> nextPage;
    private final Supplier<CompletableFuture<List<T>>> nextPageAsync;

    /**
     * Creates an iterable over page suppliers that return {@code null} after
     * the last page.
     */
    AutoPagingIterable(Supplier<List<T>> nextPage, Supplier<CompletableFuture<List<T>>> nextPageAsync) {
        this.nextPage = nextPage;
        this.nextPageAsync = nextPageAsync;
    }

    /**
     * Fetches the next page on this thread.
     *
     * @return the page, or empty once the list is exhausted
     * @throws RealTimeFinanceException when the fetch fails
     */
    public Optional<List<T>> nextPage() {
        return Optional.ofNullable(nextPage.get());
    }

    /**
     * Fetches the next page without blocking this thread.
     *
     * @return a future of the page, or of empty once the list is exhausted;
     *     it fails with a {@link RealTimeFinanceException}
     */
    public CompletableFuture<Optional<List<T>>> nextPageAsync() {
        return nextPageAsync.get().thenApply(Optional::ofNullable);
    }

    /** Returns an iterator that fetches pages on this thread as it advances. */
    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private Iterator<T> page = List.<T>of().iterator();
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && !exhausted) {
                    List<T> next = nextPage.get();
                    if (next == null) {
                        exhausted = true;
                    } else {
                        page = next.iterator();
                    }
                }
                return page.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the list has no more elements");
                }
                return page.next();
            }
        };
    }

    /** Returns a sequential stream over the remaining elements, fetching pages lazily. */
    public Stream<T> stream() {
        return StreamSupport.stream(spliterator(), false);
    }
}
