// Type declarations of the realtime-finance package, written by hand to
// match lib/. API objects are the API's wire form, with its snake_case field
// names and `object` type tag; SDK options are camelCase. Amounts are integers in minor units, times are Unix seconds.

/// <reference types="node" />

// ---------------------------------------------------------------------------
// Client options

/** A hosted Real Time Finance environment. */
export type Environment = 'sandbox' | 'live';

/** Method of sending the OAuth client secret to the token endpoint (RFC 6749 section 2.3.1). */
export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post';

/**
 * Settings of a {@link Client}. Every field is optional: credentials and the
 * base URL not given here come from the `REALTIME_FINANCE_SECRET_KEY`,
 * `REALTIME_FINANCE_CLIENT_ID`, `REALTIME_FINANCE_CLIENT_SECRET` and
 * `REALTIME_FINANCE_BASE_URL` environment variables.
 */
export interface ClientOptions {
  /**
   * Secret API key, `sk_test_...` or `sk_live_...`. Mutually exclusive with
   * the OAuth settings `clientId`, `clientSecret`, `scopes`, `tokenUrl` and
   * `clientAuthMethod`.
   */
  apiKey?: string;
  /** OAuth 2.0 client id; needs `clientSecret`. */
  clientId?: string;
  /** OAuth 2.0 client secret; needs `clientId`. */
  clientSecret?: string;
  /** OAuth scopes to request; empty or absent requests the client's default set. */
  scopes?: string[];
  /** OAuth token endpoint; defaults to `{baseUrl}/v1/oauth/token`. */
  tokenUrl?: string;
  /** Defaults to `client_secret_basic`. */
  clientAuthMethod?: ClientAuthMethod;
  /** Send requests here (such as a local sandbox) instead of an environment's URL. `https` is required except on loopback hosts. */
  baseUrl?: string;
  /** Hosted environment, checked against the key's prefix. */
  environment?: Environment;
  /** Total time budget of one call across all attempts and backoff, in milliseconds (core default 60000). */
  timeout?: number;
  /** Time allowed to open a connection, in milliseconds (core default 10000). */
  connectTimeout?: number;
  /** Retries after the first attempt (core default 2). */
  maxRetries?: number;
  /** Path of a PEM file with a CA certificate to trust in addition to the system roots. */
  caCert?: string;
  /** PEM text of a CA certificate to trust in addition to the system roots. */
  caCertPem?: string | Uint8Array;
  /** When `true`, the `REALTIME_FINANCE_*` environment variables are not read. */
  ignoreEnvironmentVariables?: boolean;
}

/** Options of one call, overriding the client's settings. */
export interface RequestOptions {
  /**
   * `Idempotency-Key` of a create call, sent unchanged on every retry. When
   * absent, the core generates one per call, so a retried request never
   * creates a second object.
   */
  idempotencyKey?: string;
  /**
   * Retries after the first attempt for this call. A negative count rejects
   * the call with `InvalidRequestError`, `param` `'max_retries'`.
   */
  maxRetries?: number;
  /**
   * Total time budget of this call, in milliseconds. Zero, a negative or a
   * non-finite value rejects the call with `InvalidRequestError`, `param`
   * `'timeout'`.
   */
  timeout?: number;
}

// ---------------------------------------------------------------------------
// API objects

export type TransactionStatus = 'pending' | 'posted' | 'failed' | 'reversed';
export type TransactionDirection = 'credit' | 'debit';

/** A posted or pending movement of money on an account. */
export interface Transaction {
  object: 'transaction';
  /** `txn_` id. */
  id: string;
  /** Always positive, in minor units of `currency`; `direction` gives the sign. */
  amount: number;
  /** ISO 4217 code in upper case. */
  currency: string;
  status: TransactionStatus;
  direction: TransactionDirection;
  /** The `acct_` id the transaction belongs to. */
  account: string;
  /** The other party's `acct_` id. */
  counterparty: string | null;
  description: string | null;
  /** Unix time in seconds. */
  created: number;
}

export type PaymentStatus = 'pending' | 'succeeded' | 'failed' | 'canceled';

/** A transfer of money between two accounts. */
export interface Payment {
  object: 'payment';
  /** `pay_` id. */
  id: string;
  /** Minor units of `currency`. */
  amount: number;
  currency: string;
  status: PaymentStatus;
  source_account: string;
  destination_account: string;
  description: string | null;
  metadata: Record<string, string>;
  /** Reason the payment failed (`insufficient_funds`, `fraud_declined`), when `status` is `failed`. */
  failure_code: string | null;
  created: number;
  /** Unix time in seconds of the cancel, when `status` is `canceled`. */
  canceled_at: number | null;
}

export type FraudDecision = 'approve' | 'review' | 'decline';

/** One rule that contributed to a risk score. */
export interface FraudReason {
  code: string;
  message: string;
}

/** The fraud engine's verdict on a prospective or existing payment. */
export interface FraudAssessment {
  object: 'fraud_assessment';
  /** `fa_` id. */
  id: string;
  /** 0 (no risk seen) to 100. */
  risk_score: number;
  /** `approve` below 40, `review` 40 to 74, `decline` 75 and above. */
  decision: FraudDecision;
  reasons: FraudReason[];
  amount: number;
  currency: string;
  source_account: string;
  destination_account: string;
  /** The `pay_` id assessed, when one was given. */
  payment: string | null;
  created: number;
}

export type EventType =
  | 'payment.created'
  | 'payment.succeeded'
  | 'payment.failed'
  | 'payment.canceled'
  | 'fraud_assessment.created';

/** Something that happened to a resource, from the events feed or a verified webhook. */
export interface Event {
  object: 'event';
  /** `evt_` id; also the `webhook-id` of its deliveries. */
  id: string;
  /** One of {@link EventType}; typed as `string` too so that types added to the API later still fit. */
  type: EventType | (string & {});
  created: number;
  data: {
    /** The resource; its `object` field names its type (`payment`, `fraud_assessment`). */
    object: { object?: string; id?: string; [field: string]: unknown };
  };
}

/** A URL that receives signed event deliveries. */
export interface WebhookEndpoint {
  object: 'webhook_endpoint';
  /** `we_` id. */
  id: string;
  url: string;
  enabled_events: string[];
  description: string | null;
  /** The `whsec_` signing secret, returned only when the endpoint is created. Store it as a secret. */
  secret: string | null;
  /** `enabled` or `disabled`. */
  status: string;
  created: number;
}

/** One page of a list call. */
export interface Page<T> {
  object: 'list';
  data: T[];
  /** Whether a request starting after the last element returns more. */
  has_more: boolean;
  /** The list's path, such as `/v1/transactions`. */
  url: string;
}

// ---------------------------------------------------------------------------
// Parameters (API names, snake_case)

export interface ListTransactionsParams {
  /** Page size, 1 to 100 (API default 10). */
  limit?: number;
  /** Start after this `txn_` id; automatic pagination sets it for later pages. */
  starting_after?: string;
  status?: TransactionStatus;
  /** Only transactions created at or after this Unix time in seconds. */
  created_gte?: number;
  /** Only transactions created at or before this Unix time in seconds. */
  created_lte?: number;
}

export interface CreatePaymentParams {
  /** Minor units, 1 to 100000000000. */
  amount: number;
  /** ISO 4217 code in upper case, such as `EUR`. */
  currency: string;
  /** `acct_` followed by letters, digits or `_`, at most 64 characters. */
  source_account: string;
  /** Same form as `source_account`, and different from it. */
  destination_account: string;
  /** At most 500 characters. */
  description?: string;
  /** At most 20 keys of up to 40 characters, values up to 500 characters. */
  metadata?: Record<string, string>;
}

export interface ListPaymentsParams {
  limit?: number;
  starting_after?: string;
  status?: PaymentStatus;
}

export interface CreateFraudAssessmentParams {
  amount: number;
  currency: string;
  source_account: string;
  destination_account: string;
  /** A `pay_` id to attach the assessment to. */
  payment?: string;
}

export interface ListEventsParams {
  limit?: number;
  starting_after?: string;
  /** Only events of this type. */
  type?: EventType | (string & {});
}

export interface CreateWebhookEndpointParams {
  /** `https`, or `http` on a loopback host. */
  url: string;
  /** Event types to send, or `['*']` (the default) for all. */
  enabled_events?: string[];
  description?: string;
}

// ---------------------------------------------------------------------------
// Lists

/**
 * The result of a `list()` call. `for await` walks every element across
 * pages; `await` resolves to the first page only. No request is sent until
 * one of them starts, and invalid parameters reject the first of them.
 */
export interface ListRequest<T> extends AsyncIterable<T>, PromiseLike<Page<T>> {
  /** Collects elements across pages until `limit` elements or the end of the list. */
  autoPagingToArray(options: { limit: number }): Promise<T[]>;
  catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<Page<T> | R>;
  finally(onFinally?: (() => void) | null): Promise<Page<T>>;
}

// ---------------------------------------------------------------------------
// Resources

export declare class Transactions {
  private constructor();
  /** Fetches one transaction by its `txn_` id. */
  retrieve(id: string, options?: RequestOptions): Promise<Transaction>;
  /** Lists transactions, newest first. */
  list(params?: ListTransactionsParams, options?: RequestOptions): ListRequest<Transaction>;
}

export declare class Payments {
  private constructor();
  /** Creates a payment; retries reuse one idempotency key, so at most one payment is created. */
  create(params: CreatePaymentParams, options?: RequestOptions): Promise<Payment>;
  /** Fetches one payment by its `pay_` id. */
  retrieve(id: string, options?: RequestOptions): Promise<Payment>;
  /** Lists payments, newest first. */
  list(params?: ListPaymentsParams, options?: RequestOptions): ListRequest<Payment>;
  /** Cancels a pending payment; rejects with `ConflictError` (`payment_not_cancelable`) otherwise. */
  cancel(id: string, options?: RequestOptions): Promise<Payment>;
}

export declare class Fraud {
  private constructor();
  /** Scores a payment for fraud risk. */
  assess(params: CreateFraudAssessmentParams, options?: RequestOptions): Promise<FraudAssessment>;
}

export declare class Events {
  private constructor();
  /** Lists events, newest first. */
  list(params?: ListEventsParams, options?: RequestOptions): ListRequest<Event>;
}

export declare class WebhookEndpoints {
  private constructor();
  /** Registers a webhook endpoint; the result carries its signing secret. */
  create(params: CreateWebhookEndpointParams, options?: RequestOptions): Promise<WebhookEndpoint>;
}

// ---------------------------------------------------------------------------
// Client

/**
 * A Real Time Finance API client. Every network method returns a promise
 * and runs on the Rust core's threads, never blocking the event loop. One
 * client may serve any number of concurrent calls; they share its
 * connections and its OAuth token cache.
 */
export declare class Client {
  /** Builds a client without sending a request. Throws {@link ConfigurationError} for invalid settings. */
  constructor(options?: ClientOptions);
  readonly transactions: Transactions;
  readonly payments: Payments;
  readonly fraud: Fraud;
  readonly events: Events;
  readonly webhookEndpoints: WebhookEndpoints;
  /** The base URL requests go to, without a trailing slash; `null` after `close()`. */
  readonly baseUrl: string | null;
  /** Replaces the API key for calls started after this one. Throws {@link ConfigurationError} for a key the core rejects. */
  setApiKey(apiKey: string): void;
  /** Releases the connections once calls in flight finish; later calls reject with {@link ConfigurationError}. */
  close(): void;
  [Symbol.asyncDispose](): Promise<void>;
  /** Non-secret settings only: `{ baseUrl, auth, clientId }`. */
  toJSON(): { baseUrl: string | null; auth: 'api_key' | 'oauth_client_credentials' | 'environment'; clientId: string | null };
}

// ---------------------------------------------------------------------------
// Webhooks

/** Request headers as Node.js, Express, Fastify or the Fetch API give them. */
export type WebhookHeaders =
  | Record<string, string | string[] | undefined>
  | Headers
  | Map<string, string>
  | Iterable<readonly [string, string]>;

export interface WebhookOptions {
  /** Allowed distance between the delivery's timestamp and the local clock, in seconds (core default 300). */
  tolerance?: number;
}

/** Verifies Standard Webhooks deliveries (`webhook-id`, `webhook-timestamp`, `webhook-signature`). */
export declare class Webhook {
  /** `secret` is a `whsec_...` secret, or several during a secret rotation. */
  constructor(secret: string | string[], options?: WebhookOptions);
  /**
   * Verifies the raw request body against the headers and returns the event.
   * Throws {@link WebhookSignatureError} when verification fails.
   */
  verify(payload: Buffer | Uint8Array | ArrayBuffer | string, headers: WebhookHeaders): Event;
  static verify(
    payload: Buffer | Uint8Array | ArrayBuffer | string,
    headers: WebhookHeaders,
    secret: string | string[],
    options?: WebhookOptions,
  ): Event;
  /** Signs `payload` with `secret` and returns the three delivery headers, for testing a handler. `timestamp` is Unix seconds (default now). */
  static generateTestHeaders(options: {
    payload: Buffer | Uint8Array | ArrayBuffer | string;
    secret: string;
    id?: string;
    timestamp?: number;
  }): { 'webhook-id': string; 'webhook-timestamp': string; 'webhook-signature': string };
}

// ---------------------------------------------------------------------------
// Errors

/** The core's error kinds, one per error class. */
export type ErrorKind =
  | 'configuration'
  | 'authentication'
  | 'permission'
  | 'invalid_request'
  | 'not_found'
  | 'conflict'
  | 'rate_limit'
  | 'api'
  | 'connection'
  | 'timeout'
  | 'webhook_signature';

/** Base class of every error the SDK throws. Messages never contain a secret. */
export declare class RealTimeFinanceError extends Error {
  readonly kind: ErrorKind | null;
  /** HTTP status of the failed response, when there was one. */
  readonly statusCode: number | null;
  /** The API's error code (`insufficient_scope`) or the OAuth error code (`invalid_client`). */
  readonly code: string | null;
  /** `Request-Id` of the failed response; quote it to support. */
  readonly requestId: string | null;
  /** The request parameter at fault, for invalid requests. */
  readonly param: string | null;
  /** Seconds the server asked the caller to wait (`Retry-After`). */
  readonly retryAfter: number | null;
  toJSON(): {
    name: string;
    kind: ErrorKind | null;
    message: string;
    statusCode: number | null;
    code: string | null;
    requestId: string | null;
    param: string | null;
    retryAfter: number | null;
  };
}
/** Invalid client settings or arguments, found before any request. */
export declare class ConfigurationError extends RealTimeFinanceError {}
/** 401: the credential is missing, invalid, revoked or expired. */
export declare class AuthenticationError extends RealTimeFinanceError {}
/** 403: the credential lacks the scope the call needs. */
export declare class PermissionError extends RealTimeFinanceError {}
/** 400, 413, 422, or a parameter rejected before sending; `param` names the field. */
export declare class InvalidRequestError extends RealTimeFinanceError {}
/** 404: no such resource. */
export declare class NotFoundError extends RealTimeFinanceError {}
/** 409 and idempotency errors. */
export declare class ConflictError extends RealTimeFinanceError {}
/** 429: too many requests; see `retryAfter`. */
export declare class RateLimitError extends RealTimeFinanceError {}
/** 5xx, or a response the SDK cannot parse. */
export declare class APIError extends RealTimeFinanceError {}
/** The connection failed or dropped before a complete response. */
export declare class ConnectionError extends RealTimeFinanceError {}
/** A connect timeout, per-attempt timeout or the call's total budget ran out. */
export declare class TimeoutError extends RealTimeFinanceError {}
/** A webhook payload failed verification. */
export declare class WebhookSignatureError extends RealTimeFinanceError {}

/** The package version. */
export declare const VERSION: string;

declare const sdk: {
  Client: typeof Client;
  Webhook: typeof Webhook;
  RealTimeFinanceError: typeof RealTimeFinanceError;
  ConfigurationError: typeof ConfigurationError;
  AuthenticationError: typeof AuthenticationError;
  PermissionError: typeof PermissionError;
  InvalidRequestError: typeof InvalidRequestError;
  NotFoundError: typeof NotFoundError;
  ConflictError: typeof ConflictError;
  RateLimitError: typeof RateLimitError;
  APIError: typeof APIError;
  ConnectionError: typeof ConnectionError;
  TimeoutError: typeof TimeoutError;
  WebhookSignatureError: typeof WebhookSignatureError;
  VERSION: string;
};
export default sdk;
