package com.realtimefinance;

/** HTTP 404: no such resource; {@link #getParam()} is {@code "id"} for an unknown id. */
public class NotFoundException extends RealTimeFinanceException {
    private static final long serialVersionUID = 1L;

    private final String param;

    NotFoundException(ErrorDetails details) {
        super(details);
        this.param = details.param;
    }

    /** Returns the request parameter at fault, such as {@code "amount"}, or {@code null}. */
    public String getParam() {
        return param;
    }
}
