package com.realtimefinance;

/** HTTP 401: the API key or access token is missing, invalid, revoked or expired, or the OAuth server rejected the client credentials. */
public class AuthenticationException extends RealTimeFinanceException {
    private static final long serialVersionUID = 1L;

    AuthenticationException(ErrorDetails details) {
        super(details);
    }
}
