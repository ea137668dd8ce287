package com.realtimefinance;

/** HTTP 403: the credential lacks the scope that the call needs; the message names the scope. */
public class PermissionException extends RealTimeFinanceException {
    private static final long serialVersionUID = 1L;

    PermissionException(ErrorDetails details) {
        super(details);
    }
}
