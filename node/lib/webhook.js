'use strict';

const util = require('node:util');

const addon = require('./native');
const { WebhookSignatureError, toError } = require('./errors');

/**
 * Converts a raw request body into a Buffer. Only bytes can be verified: a
 * body that a JSON parser already turned into an object is rejected, since
 * its original bytes are lost.
 */
function toPayloadBuffer(payload) {
  if (Buffer.isBuffer(payload)) {
    return payload;
  }
  if (typeof payload === 'string') {
    return Buffer.from(payload, 'utf8');
  }
  if (payload instanceof Uint8Array) {
    return Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
  }
  if (payload instanceof ArrayBuffer) {
    return Buffer.from(payload);
  }
  const type = payload === null ? 'null' : typeof payload;
  throw new WebhookSignatureError(
    `webhook payload must be the raw request body as a Buffer or string, got ${type}; ` +
      "read the body unparsed, for example with express.raw({ type: 'application/json' })",
  );
}

/**
 * Converts request headers into `{ name, value }` entries. Accepts a plain
 * object as Node.js, Express and Fastify give it (values may be arrays), a
 * Fetch API `Headers`, a `Map` or an array of `[name, value]` pairs.
 */
function toHeaderList(headers) {
  if (headers === null || typeof headers !== 'object') {
    throw new WebhookSignatureError(
      `webhook headers must be an object such as req.headers, got ${headers === null ? 'null' : typeof headers}`,
    );
  }
  let entries;
  if (typeof headers.entries === 'function' && !Array.isArray(headers)) {
    entries = headers.entries();
  } else if (Array.isArray(headers)) {
    entries = headers;
  } else {
    entries = Object.entries(headers);
  }
  const list = [];
  for (const [name, value] of entries) {
    const values = Array.isArray(value) ? value : [value];
    for (const single of values) {
      if (single !== undefined && single !== null) {
        list.push({ name: String(name), value: String(single) });
      }
    }
  }
  return list;
}

function toSecretList(secret) {
  return Array.isArray(secret) ? secret : [secret];
}

/**
 * Verifies Standard Webhooks deliveries (`webhook-id`,
 * `webhook-timestamp`, `webhook-signature` headers) and returns the event.
 *
 * Use `Webhook.verify(payload, headers, secret)` once, or
 * `new Webhook(secret).verify(payload, headers)` to reuse the secrets.
 * `secret` may be a list during a secret rotation. `tolerance` is the
 * allowed distance, in seconds, between the delivery's timestamp and the
 * local clock (the core's default is 300).
 */
class Webhook {
  #secrets;
  #tolerance;

  constructor(secret, { tolerance } = {}) {
    this.#secrets = toSecretList(secret);
    this.#tolerance = tolerance;
  }

  /** Throws `WebhookSignatureError` for a delivery that fails verification. */
  verify(payload, headers) {
    const body = toPayloadBuffer(payload);
    const headerList = toHeaderList(headers);
    try {
      return addon.verifyWebhook(body, headerList, this.#secrets, this.#tolerance);
    } catch (error) {
      throw toError(error);
    }
  }

  static verify(payload, headers, secret, options) {
    return new Webhook(secret, options).verify(payload, headers);
  }

  /**
   * Returns the three headers of a delivery of `payload`, signed with
   * `secret`, for testing a webhook handler. `timestamp` is in Unix
   * seconds and defaults to now.
   */
  static generateTestHeaders({ payload, secret, id = 'msg_test', timestamp } = {}) {
    const seconds = timestamp ?? Math.floor(Date.now() / 1000);
    let signature;
    try {
      signature = addon.signWebhook(secret, id, seconds, toPayloadBuffer(payload));
    } catch (error) {
      throw toError(error);
    }
    return {
      'webhook-id': id,
      'webhook-timestamp': String(seconds),
      'webhook-signature': signature,
    };
  }

  /** Non-secret settings only: the number of secrets and the tolerance. */
  toJSON() {
    return { secretCount: this.#secrets.length, tolerance: this.#tolerance ?? null };
  }

  [util.inspect.custom](depth, options, inspect) {
    return `Webhook ${inspect(this.toJSON(), options)}`;
  }
}

module.exports = { Webhook };
