package com.realtimefinance;

/** Invalid client settings or arguments, found before any request was sent. */
public class ConfigurationException extends RealTimeFinanceException {
    private static final long serialVersionUID = 1L;

    ConfigurationException(ErrorDetails details) {
        super(details);
    }
}
