'use strict';

const util = require('node:util');

const addon = require('./native');
const { toError } = require('./errors');
const { Transactions, Payments, Fraud, Events, WebhookEndpoints } = require('./resources');

/**
 * Turns the public options into the addon's JSON form. Only conversions
 * happen here: a `Buffer` CA certificate becomes text. Every option is
 * checked by the addon and the core, which reject unknown names.
 */
function toNativeOptions(options) {
  if (options === undefined || options === null) {
    return {};
  }
  if (typeof options !== 'object') {
    return options;
  }
  const nativeOptions = { ...options };
  if (nativeOptions.caCertPem instanceof Uint8Array) {
    nativeOptions.caCertPem = Buffer.from(nativeOptions.caCertPem).toString('utf8');
  }
  return nativeOptions;
}

/** Names the kind of credential given, for `inspect` and `toJSON`; never the credential itself. */
function describeAuth(options) {
  if (options?.apiKey !== undefined) {
    return 'api_key';
  }
  if (options?.clientId !== undefined) {
    return 'oauth_client_credentials';
  }
  return 'environment';
}

/**
 * A Real Time Finance API client.
 *
 * Every network method returns a promise and runs on the Rust core's own
 * threads, so no call blocks the event loop. One client may serve any number
 * of concurrent calls: they share its connection pool and its OAuth token
 * cache, so you should create one client per set of credentials and reuse it.
 */
class Client {
  #native;
  #auth;
  #clientId;

  /**
   * Builds a client; no request is sent. Credentials and the base URL come
   * from `options`, else from the `REALTIME_FINANCE_*` environment variables.
   * Throws `ConfigurationError` for invalid settings.
   */
  constructor(options) {
    try {
      this.#native = new addon.NativeClient(toNativeOptions(options));
    } catch (error) {
      throw toError(error);
    }
    this.#auth = describeAuth(options);
    this.#clientId = typeof options?.clientId === 'string' ? options.clientId : null;

    this.transactions = new Transactions(this.#native);
    this.payments = new Payments(this.#native);
    this.fraud = new Fraud(this.#native);
    this.events = new Events(this.#native);
    this.webhookEndpoints = new WebhookEndpoints(this.#native);
  }

  /** The base URL requests go to, without a trailing slash; `null` after `close()`. */
  get baseUrl() {
    return this.#native.baseUrl;
  }

  /**
   * Replaces the API key for calls started after this one (key rotation);
   * calls in flight finish with the old key. Throws `ConfigurationError`
   * for a key the core rejects.
   */
  setApiKey(apiKey) {
    try {
      this.#native.setApiKey(apiKey);
    } catch (error) {
      throw toError(error);
    }
  }

  /**
   * Releases the client's connections once the calls in flight finish.
   * Later calls reject with `ConfigurationError`. Calling it again does
   * nothing.
   */
  close() {
    this.#native.close();
  }

  /** Lets `await using client = new Client(...)` close the client. */
  async [Symbol.asyncDispose ?? Symbol.for('nodejs.asyncDispose')]() {
    this.close();
  }

  toJSON() {
    return { baseUrl: this.baseUrl, auth: this.#auth, clientId: this.#clientId };
  }

  [util.inspect.custom](depth, options, inspect) {
    return `Client ${inspect(this.toJSON(), options)}`;
  }
}

module.exports = { Client };
