package com.realtimefinance;

/** HTTP 400, 413 or 422, or a parameter that the SDK rejected before sending; {@link #getParam()} names the field. */
public class InvalidRequestException extends RealTimeFinanceException {
    private static final long serialVersionUID = 1L;

    private final String param;

    InvalidRequestException(ErrorDetails details) {
        super(details);
        this.param = details.param;
    }

    /** Returns the request parameter at fault, such as {@code "amount"}, or {@code null}. */
    public String getParam() {
        return param;
    }
}
