package com.realtimefinance;

import com.realtimefinance.internal.AsyncBridge;
import com.realtimefinance.internal.Json;
import com.realtimefinance.internal.ffi.EventPager;
import com.realtimefinance.internal.ffi.FfiEvent;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code /v1/events} calls; get it from {@link RealTimeFinanceClient#events()}.
 * Thread-safe.
 */
public final class Events {
    private final RealTimeFinanceClient client;

    Events(RealTimeFinanceClient client) {
        this.client = client;
    }

    /** Lists every event, newest first, fetching pages as iteration needs them. */
    public AutoPagingIterable<Event> list() {
        return list(ListEventsParams.builder().build(), RequestOptions.NONE);
    }

    /**
     * Lists every matching event, newest first; see
     * {@link Transactions#list(ListTransactionsParams)} for when requests are sent.
     */
    public AutoPagingIterable<Event> list(ListEventsParams params) {
        return list(params, RequestOptions.NONE);
    }

    /** Like {@link #list(ListEventsParams)}, with options for every page request. */
    public AutoPagingIterable<Event> list(ListEventsParams params, RequestOptions options) {
        String json = Json.write(params.fields());
        EventPager pager = Errors.call(() -> client.handle().listEvents(json, options.toNative()));
        return new AutoPagingIterable<>(
                () -> Errors.call(() -> convert(pager.nextPage())),
                () -> Errors.async(() -> AsyncBridge.nextEventPage(pager), Events::convert));
    }

    private static List<Event> convert(List<FfiEvent> page) {
        return page == null ? null : page.stream().map(Event::fromNative).collect(Collectors.toUnmodifiableList());
    }
}
