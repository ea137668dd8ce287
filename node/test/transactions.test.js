'use strict';

const assert = require('node:assert/strict');
const { after, before, test } = require('node:test');

const { AuthenticationError, Client, ConfigurationError, InvalidRequestError, NotFoundError } = require('..');
const { startSandbox } = require('./support/sandbox');

let sandbox;
let client;

before(async () => {
  sandbox = await startSandbox();
  client = new Client(sandbox.keyOptions());
});

after(async () => {
  client.close();
  await sandbox.stop();
});

test('retrieve returns the listed transaction', async () => {
  const page = await client.transactions.list({ limit: 1 });
  const transaction = await client.transactions.retrieve(page.data[0].id);

  assert.equal(transaction.id, page.data[0].id);
  assert.equal(transaction.object, 'transaction');
  assert.match(transaction.id, /^txn_/);
  assert.equal(typeof transaction.amount, 'number');
  assert.ok(['credit', 'debit'].includes(transaction.direction));
});

test('await list resolves to the first page', async () => {
  const page = await client.transactions.list({ limit: 3 });

  assert.equal(page.object, 'list');
  assert.equal(page.data.length, 3);
  assert.equal(page.data[0].object, 'transaction');
  assert.equal(page.has_more, true);
  assert.equal(page.url, '/v1/transactions');
});

test('for await crosses pages without repeats', async () => {
  const ids = [];
  for await (const transaction of client.transactions.list({ limit: 7 })) {
    ids.push(transaction.id);
    if (ids.length === 25) {
      break;
    }
  }

  assert.equal(ids.length, 25);
  assert.equal(new Set(ids).size, 25);
});

test('autoPagingToArray stops at limit', async () => {
  const items = await client.transactions.list({ limit: 4 }).autoPagingToArray({ limit: 10 });

  assert.equal(items.length, 10);
});

test('autoPagingToArray requires a limit', async () => {
  await assert.rejects(client.transactions.list().autoPagingToArray(), /positive integer limit/);
});

test('status filter applies to every page', async () => {
  const items = await client.transactions.list({ status: 'posted', limit: 10 }).autoPagingToArray({ limit: 20 });

  assert.equal(items.length, 20);
  for (const item of items) {
    assert.equal(item.status, 'posted');
  }
});

test('list with limit 101 rejects before sending', async () => {
  const before = await sandbox.stats();
  const error = await client.transactions
    .list({ limit: 101 })
    .autoPagingToArray({ limit: 1 })
    .catch((caught) => caught);
  const afterStats = await sandbox.stats();

  assert.ok(error instanceof InvalidRequestError);
  assert.equal(error.param, 'limit');
  assert.equal(afterStats.requests['GET /v1/transactions'] ?? 0, before.requests['GET /v1/transactions'] ?? 0);
});

test('unknown list parameter names the field', async () => {
  const error = await client.transactions.list({ limti: 5 }).catch((caught) => caught);

  assert.ok(error instanceof InvalidRequestError);
  assert.match(error.message, /limti/);
});

test('missing transaction is NotFoundError', async () => {
  const error = await client.transactions.retrieve('txn_doesnotexist').catch((caught) => caught);

  assert.ok(error instanceof NotFoundError);
  assert.equal(error.statusCode, 404);
  assert.equal(error.code, 'resource_missing');
  assert.equal(error.param, 'id');
  assert.match(error.requestId, /^req_/);
});

test('non-string id is InvalidRequestError', async () => {
  const error = await client.transactions.retrieve(42).catch((caught) => caught);

  assert.ok(error instanceof InvalidRequestError);
  assert.equal(error.param, 'id');
});

test('setApiKey rotates the key', async () => {
  const rotating = new Client(sandbox.keyOptions({ apiKey: 'sk_test_000000000000000000000000' }));
  const error = await rotating.transactions.list({ limit: 1 }).catch((caught) => caught);
  rotating.setApiKey(sandbox.info.secret_key);
  const page = await rotating.transactions.list({ limit: 1 });

  assert.ok(error instanceof AuthenticationError);
  assert.equal(page.data.length, 1);
  rotating.close();
});

test('setApiKey rejects a publishable key', () => {
  const rotating = new Client(sandbox.keyOptions());

  assert.throws(() => rotating.setApiKey(sandbox.info.publishable_key), ConfigurationError);
  rotating.close();
});
