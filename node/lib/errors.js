'use strict';

/**
 * Base class of every error the SDK throws. Each subclass is one error kind
 * of the Rust core, so `instanceof` works across the CommonJS and ES module
 * entry points (both export these same classes).
 *
 * `statusCode`, `code`, `requestId`, `param` and `retryAfter` are `null`
 * when they do not apply. `retryAfter` is in seconds, as in the
 * `Retry-After` header. Messages never contain a secret.
 */
class RealTimeFinanceError extends Error {
  constructor(message, fields = {}) {
    super(message);
    this.name = new.target.name;
    this.kind = fields.kind ?? new.target.kind ?? null;
    this.statusCode = fields.statusCode ?? null;
    this.code = fields.code ?? null;
    this.requestId = fields.requestId ?? null;
    this.param = fields.param ?? null;
    this.retryAfter = fields.retryAfter ?? null;
  }

  toJSON() {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      statusCode: this.statusCode,
      code: this.code,
      requestId: this.requestId,
      param: this.param,
      retryAfter: this.retryAfter,
    };
  }
}

/** Invalid client settings or arguments, found before any request. */
class ConfigurationError extends RealTimeFinanceError {
  static kind = 'configuration';
}

/** 401: a missing, invalid, revoked or expired credential, or rejected OAuth client credentials. */
class AuthenticationError extends RealTimeFinanceError {
  static kind = 'authentication';
}

/** 403: the credential lacks the scope the call needs. */
class PermissionError extends RealTimeFinanceError {
  static kind = 'permission';
}

/** 400, 413, 422, or a parameter rejected before sending; `param` names the field. */
class InvalidRequestError extends RealTimeFinanceError {
  static kind = 'invalid_request';
}

/** 404: no such resource. */
class NotFoundError extends RealTimeFinanceError {
  static kind = 'not_found';
}

/** 409 and idempotency errors: a key reused with another body, a key still in use, or a state that forbids the call. */
class ConflictError extends RealTimeFinanceError {
  static kind = 'conflict';
}

/** 429: too many requests; `retryAfter` gives the seconds to wait. */
class RateLimitError extends RealTimeFinanceError {
  static kind = 'rate_limit';
}

/** 5xx, or a response the SDK cannot parse. */
class APIError extends RealTimeFinanceError {
  static kind = 'api';
}

/** The connection failed or dropped before a complete response. */
class ConnectionError extends RealTimeFinanceError {
  static kind = 'connection';
}

/** A connect timeout, a per-attempt timeout or the call's total time budget ran out. */
class TimeoutError extends RealTimeFinanceError {
  static kind = 'timeout';
}

/** A webhook payload failed verification. */
class WebhookSignatureError extends RealTimeFinanceError {
  static kind = 'webhook_signature';
}

const ERROR_CLASSES = new Map(
  [
    ConfigurationError,
    AuthenticationError,
    PermissionError,
    InvalidRequestError,
    NotFoundError,
    ConflictError,
    RateLimitError,
    APIError,
    ConnectionError,
    TimeoutError,
    WebhookSignatureError,
  ].map((errorClass) => [errorClass.kind, errorClass]),
);

/**
 * Converts an error thrown by the addon into the SDK's error class for its
 * `kind`. This is the only place where core error kinds become classes.
 *
 * A kind this version does not know becomes a plain `RealTimeFinanceError`.
 * Errors that did not come from the core (such as a `TypeError` from the
 * addon's argument conversion) are returned unchanged.
 */
function toError(nativeError) {
  if (nativeError instanceof RealTimeFinanceError || typeof nativeError?.kind !== 'string') {
    return nativeError;
  }
  const ErrorClass = ERROR_CLASSES.get(nativeError.kind) ?? RealTimeFinanceError;
  const error = new ErrorClass(nativeError.message, {
    kind: nativeError.kind,
    statusCode: nativeError.httpStatus,
    code: nativeError.apiCode,
    requestId: nativeError.requestId,
    param: nativeError.param,
    retryAfter: nativeError.retryAfter,
  });
  // Start the stack at the SDK method the caller awaited, not here.
  Error.captureStackTrace(error, toError);
  return error;
}

module.exports = {
  RealTimeFinanceError,
  ConfigurationError,
  AuthenticationError,
  PermissionError,
  InvalidRequestError,
  NotFoundError,
  ConflictError,
  RateLimitError,
  APIError,
  ConnectionError,
  TimeoutError,
  WebhookSignatureError,
  toError,
};
