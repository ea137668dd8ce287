package com.realtimefinance;

/** A connect timeout, an attempt's timeout or the call's total time budget ran out. */
public class TimeoutException extends RealTimeFinanceException {
    private static final long serialVersionUID = 1L;

    TimeoutException(ErrorDetails details) {
        super(details);
    }
}
