'use strict';

const { ListRequest, callNative, withObjectType } = require('./list');

// Each resource class calls the addon's NativeClient. Parameters keep the
// API's snake_case names and cross into the core as JSON; per-call options
// are `{ idempotencyKey, maxRetries, timeout }` with `timeout` in
// milliseconds. Results get the API's `object` field back, which the core's
// structs leave out, so they read as the API's wire form.

class Transactions {
  #native;

  constructor(native) {
    this.#native = native;
  }

  retrieve(id, options) {
    return callNative(() => this.#native.retrieveTransaction(id, options), withObjectType('transaction'));
  }

  list(params, options) {
    return new ListRequest(
      () => this.#native.listTransactions(params, options),
      () => this.#native.listTransactionsPage(params, options),
      withObjectType('transaction'),
    );
  }
}

class Payments {
  #native;

  constructor(native) {
    this.#native = native;
  }

  create(params, options) {
    return callNative(() => this.#native.createPayment(params, options), withObjectType('payment'));
  }

  retrieve(id, options) {
    return callNative(() => this.#native.retrievePayment(id, options), withObjectType('payment'));
  }

  list(params, options) {
    return new ListRequest(
      () => this.#native.listPayments(params, options),
      () => this.#native.listPaymentsPage(params, options),
      withObjectType('payment'),
    );
  }

  cancel(id, options) {
    return callNative(() => this.#native.cancelPayment(id, options), withObjectType('payment'));
  }
}

class Fraud {
  #native;

  constructor(native) {
    this.#native = native;
  }

  assess(params, options) {
    return callNative(() => this.#native.assessFraud(params, options), withObjectType('fraud_assessment'));
  }
}

class Events {
  #native;

  constructor(native) {
    this.#native = native;
  }

  list(params, options) {
    return new ListRequest(
      () => this.#native.listEvents(params, options),
      () => this.#native.listEventsPage(params, options),
      withObjectType('event'),
    );
  }
}

class WebhookEndpoints {
  #native;

  constructor(native) {
    this.#native = native;
  }

  create(params, options) {
    return callNative(() => this.#native.createWebhookEndpoint(params, options), withObjectType('webhook_endpoint'));
  }
}

module.exports = { Transactions, Payments, Fraud, Events, WebhookEndpoints };
