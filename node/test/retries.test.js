'use strict';

const assert = require('node:assert/strict');
const { randomUUID } = require('node:crypto');
const { after, afterEach, before, test } = require('node:test');

const { APIError, Client } = require('..');
const { startSandbox } = require('./support/sandbox');

const PAYMENT = {
  amount: 1200,
  currency: 'EUR',
  source_account: 'acct_alice',
  destination_account: 'acct_stays_pending',
};
const CREATE_ROUTE = 'POST /v1/payments';

let sandbox;
let client;

before(async () => {
  sandbox = await startSandbox();
  client = new Client(sandbox.keyOptions({ maxRetries: 2 }));
});

afterEach(async () => {
  await sandbox.clearFaults();
});

after(async () => {
  client.close();
  await sandbox.stop();
});

/** Runs `action` and resolves to its result and the stats' differences. */
async function withStatsDelta(action) {
  const before = await sandbox.stats();
  const result = await action();
  const afterStats = await sandbox.stats();
  return {
    result,
    paymentsCreated: afterStats.payments_created - before.payments_created,
    replays: afterStats.idempotent_replays - before.idempotent_replays,
    createRequests: (afterStats.requests[CREATE_ROUTE] ?? 0) - (before.requests[CREATE_ROUTE] ?? 0),
  };
}

test('two 503s then success creates one payment', async () => {
  await sandbox.addFault({ method: 'POST', path: '/v1/payments', count: 2, status: 503 });
  const delta = await withStatsDelta(() => client.payments.create(PAYMENT));

  assert.match(delta.result.id, /^pay_/);
  assert.equal(delta.createRequests, 3);
  assert.equal(delta.paymentsCreated, 1);
});

test('dropped response is retried without duplicate', async () => {
  await sandbox.addFault({ method: 'POST', path: '/v1/payments', count: 1, action: 'drop_after_processing' });
  const delta = await withStatsDelta(() => client.payments.create(PAYMENT, { idempotencyKey: `node-${randomUUID()}` }));

  assert.match(delta.result.id, /^pay_/);
  assert.equal(delta.createRequests, 2);
  assert.equal(delta.paymentsCreated, 1);
  assert.equal(delta.replays, 1);
});

test('generated key also prevents a duplicate', async () => {
  await sandbox.addFault({ method: 'POST', path: '/v1/payments', count: 1, action: 'drop_after_processing' });
  const delta = await withStatsDelta(() => client.payments.create(PAYMENT));

  assert.equal(delta.paymentsCreated, 1);
  assert.equal(delta.replays, 1);
});

test('Retry-After delays the retry', async () => {
  await sandbox.addFault({ method: 'GET', path: '/v1/transactions', count: 1, status: 429, retry_after: 1 });
  const started = Date.now();
  const page = await client.transactions.list({ limit: 1 });

  assert.equal(page.data.length, 1);
  assert.ok(Date.now() - started >= 900, `retried after ${Date.now() - started} ms`);
});

test('maxRetries 0 sends one request', async () => {
  await sandbox.addFault({ method: 'POST', path: '/v1/payments', count: 1, status: 503 });
  const delta = await withStatsDelta(() => client.payments.create(PAYMENT, { maxRetries: 0 }).catch((caught) => caught));

  assert.ok(delta.result instanceof APIError);
  assert.equal(delta.createRequests, 1);
  assert.equal(delta.paymentsCreated, 0);
});

test('exhausted retries reject with APIError', async () => {
  await sandbox.addFault({ method: 'POST', path: '/v1/payments', count: 5, status: 503 });
  const delta = await withStatsDelta(() => client.payments.create(PAYMENT).catch((caught) => caught));

  assert.ok(delta.result instanceof APIError);
  assert.equal(delta.result.statusCode, 503);
  assert.equal(delta.createRequests, 3);
});

test('event loop runs during a slow call', async () => {
  await sandbox.addFault({ method: 'GET', path: '/v1/transactions', count: 1, action: 'delay', delay_ms: 1000 });
  let ticks = 0;
  const timer = setInterval(() => {
    ticks += 1;
  }, 10);
  const page = await client.transactions.list({ limit: 1 });
  clearInterval(timer);

  assert.equal(page.data.length, 1);
  // About 100 ticks fit in 1 s; 20 leaves room for a loaded machine but
  // fails if the call blocked the event loop.
  assert.ok(ticks >= 20, `only ${ticks} timer ticks during a 1 s call`);
});
