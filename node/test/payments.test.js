'use strict';

const assert = require('node:assert/strict');
const { randomUUID } = require('node:crypto');
const { after, before, test } = require('node:test');

const { Client, ConflictError, InvalidRequestError, NotFoundError } = require('..');
const { startSandbox } = require('./support/sandbox');

let sandbox;
let client;

const PENDING_PAYMENT = {
  amount: 2500,
  currency: 'EUR',
  source_account: 'acct_alice',
  destination_account: 'acct_stays_pending',
  description: 'Invoice 42',
  metadata: { order: '42' },
};

before(async () => {
  sandbox = await startSandbox();
  client = new Client(sandbox.keyOptions());
});

after(async () => {
  client.close();
  await sandbox.stop();
});

test('create returns a pending payment', async () => {
  const payment = await client.payments.create(PENDING_PAYMENT);

  assert.match(payment.id, /^pay_/);
  assert.equal(payment.object, 'payment');
  assert.equal(payment.status, 'pending');
  assert.equal(payment.amount, 2500);
  assert.equal(payment.currency, 'EUR');
  assert.deepEqual(payment.metadata, { order: '42' });
  assert.equal(payment.failure_code, null);
});

test('retrieve returns the created payment', async () => {
  const created = await client.payments.create(PENDING_PAYMENT);
  const fetched = await client.payments.retrieve(created.id);

  assert.deepEqual(fetched, created);
});

test('cancel moves pending to canceled', async () => {
  const created = await client.payments.create(PENDING_PAYMENT);
  const canceled = await client.payments.cancel(created.id);

  assert.equal(canceled.status, 'canceled');
  assert.equal(typeof canceled.canceled_at, 'number');
});

test('cancel of canceled payment is ConflictError', async () => {
  const created = await client.payments.create(PENDING_PAYMENT);
  await client.payments.cancel(created.id);
  const error = await client.payments.cancel(created.id).catch((caught) => caught);

  assert.ok(error instanceof ConflictError);
  assert.equal(error.statusCode, 409);
  assert.equal(error.code, 'payment_not_cancelable');
});

test('insufficient funds account fails the payment', async () => {
  const payment = await client.payments.create({
    ...PENDING_PAYMENT,
    source_account: 'acct_insufficient_funds',
    destination_account: 'acct_bob',
  });

  assert.equal(payment.status, 'failed');
  assert.equal(payment.failure_code, 'insufficient_funds');
});

test('list filters by status', async () => {
  await client.payments.create(PENDING_PAYMENT);
  const items = await client.payments.list({ status: 'pending', limit: 2 }).autoPagingToArray({ limit: 50 });

  assert.ok(items.length >= 1);
  for (const item of items) {
    assert.equal(item.status, 'pending');
  }
});

test('for await lists every payment once', async () => {
  const created = await client.payments.create(PENDING_PAYMENT);
  const ids = [];
  for await (const payment of client.payments.list({ limit: 2 })) {
    ids.push(payment.id);
  }

  assert.ok(ids.includes(created.id));
  assert.equal(new Set(ids).size, ids.length);
});

test('same idempotency key replays one payment', async () => {
  const idempotencyKey = `node-test-${randomUUID()}`;
  const before = await sandbox.stats();
  const first = await client.payments.create(PENDING_PAYMENT, { idempotencyKey });
  const second = await client.payments.create(PENDING_PAYMENT, { idempotencyKey });
  const afterStats = await sandbox.stats();

  assert.equal(second.id, first.id);
  assert.equal(afterStats.payments_created - before.payments_created, 1);
  assert.equal(afterStats.idempotent_replays - before.idempotent_replays, 1);
});

test('reused key with other body is ConflictError', async () => {
  const idempotencyKey = `node-test-${randomUUID()}`;
  await client.payments.create(PENDING_PAYMENT, { idempotencyKey });
  const error = await client.payments
    .create({ ...PENDING_PAYMENT, amount: 2600 }, { idempotencyKey })
    .catch((caught) => caught);

  assert.ok(error instanceof ConflictError);
  assert.equal(error.code, 'idempotency_key_reused');
});

test('negative amount is InvalidRequestError on amount', async () => {
  const error = await client.payments.create({ ...PENDING_PAYMENT, amount: -5 }).catch((caught) => caught);

  assert.ok(error instanceof InvalidRequestError);
  assert.equal(error.param, 'amount');
});

test('missing required field names it', async () => {
  const { currency, ...withoutCurrency } = PENDING_PAYMENT;
  const error = await client.payments.create(withoutCurrency).catch((caught) => caught);

  assert.equal(currency, 'EUR');
  assert.ok(error instanceof InvalidRequestError);
  assert.equal(error.param, 'currency');
});

test('unknown option name is rejected', async () => {
  const error = await client.payments
    .create(PENDING_PAYMENT, { idempotency_key: 'snake-case' })
    .catch((caught) => caught);

  assert.ok(error instanceof InvalidRequestError);
  assert.match(error.message, /idempotency_key/);
});

test('missing payment is NotFoundError', async () => {
  const error = await client.payments.retrieve('pay_doesnotexist').catch((caught) => caught);

  assert.ok(error instanceof NotFoundError);
  assert.equal(error.statusCode, 404);
});
