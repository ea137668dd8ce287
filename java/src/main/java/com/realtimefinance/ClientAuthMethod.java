package com.realtimefinance;

/** The way the OAuth client secret is sent to the token endpoint (RFC 6749 section 2.3.1). */
public enum ClientAuthMethod {
    /** HTTP Basic with the URL-encoded id and secret; the core's default. */
    CLIENT_SECRET_BASIC,
    /** {@code client_id} and {@code client_secret} in the form body. */
    CLIENT_SECRET_POST
}
