package com.realtimefinance;

/** The connection failed or dropped before a complete response arrived. */
public class ConnectionException extends RealTimeFinanceException {
    private static final long serialVersionUID = 1L;

    ConnectionException(ErrorDetails details) {
        super(details);
    }
}
