'use strict';

const { ListRequest, callNative } = require('./list');

// Each resource class calls the addon's NativeClient. Parameters keep the
// API's snake_case names and cross into the core as JSON; per-call options
// are `{ idempotencyKey, maxRetries, timeout }` with `timeout` in
// milliseconds. Results are the core's structs in the API's wire form,
// `object` field included.

class Transactions {
  #native;

  constructor(native) {
    this.#native = native;
  }

  retrieve(id, options) {
    return callNative(() => this.#native.retrieveTransaction(id, options));
  }

  list(params, options) {
    return new ListRequest(
      () => this.#native.listTransactions(params, options),
      () => this.#native.listTransactionsPage(params, options),
    );
  }
}

class Payments {
  #native;

  constructor(native) {
    this.#native = native;
  }

  create(params, options) {
    return callNative(() => this.#native.createPayment(params, options));
  }

  retrieve(id, options) {
    return callNative(() => this.#native.retrievePayment(id, options));
  }

  list(params, options) {
    return new ListRequest(
      () => this.#native.listPayments(params, options),
      () => this.#native.listPaymentsPage(params, options),
    );
  }

  cancel(id, options) {
    return callNative(() => this.#native.cancelPayment(id, options));
  }
}

class Fraud {
  #native;

  constructor(native) {
    this.#native = native;
  }

  assess(params, options) {
    return callNative(() => this.#native.assessFraud(params, options));
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
    );
  }
}

class WebhookEndpoints {
  #native;

  constructor(native) {
    this.#native = native;
  }

  create(params, options) {
    return callNative(() => this.#native.createWebhookEndpoint(params, options));
  }
}

module.exports = { Transactions, Payments, Fraud, Events, WebhookEndpoints };
