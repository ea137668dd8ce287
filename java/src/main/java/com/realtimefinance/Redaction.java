package com.realtimefinance;

/** Formats secrets for {@code toString} output. */
final class Redaction {
    private static final String[] PUBLIC_PREFIXES = {"sk_test_", "sk_live_", "pk_test_", "pk_live_", "whsec_"};

    private Redaction() {}

    /**
     * Returns the secret's type prefix (such as {@code whsec_}), which is not
     * secret, followed by {@code [REDACTED]}.
     */
    static String redact(String secret) {
        for (String prefix : PUBLIC_PREFIXES) {
            if (secret.startsWith(prefix)) {
                return prefix + "[REDACTED]";
            }
        }
        return "[REDACTED]";
    }
}
