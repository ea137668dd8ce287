package com.realtimefinance;

/** A webhook payload failed verification: a missing or malformed header, a timestamp outside the tolerance, or no matching signature. */
public class WebhookSignatureException extends RealTimeFinanceException {
    private static final long serialVersionUID = 1L;

    WebhookSignatureException(ErrorDetails details) {
        super(details);
    }
}
