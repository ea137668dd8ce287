'use strict';

const assert = require('node:assert/strict');
const net = require('node:net');
const { after, afterEach, before, test } = require('node:test');

const {
  APIError,
  AuthenticationError,
  Client,
  ConfigurationError,
  ConnectionError,
  InvalidRequestError,
  PermissionError,
  RateLimitError,
  RealTimeFinanceError,
  TimeoutError,
} = require('..');
const { startSandbox } = require('./support/sandbox');

let sandbox;

before(async () => {
  sandbox = await startSandbox();
});

afterEach(async () => {
  await sandbox.clearFaults();
});

after(async () => {
  await sandbox.stop();
});

/** Resolves to a loopback port that nothing listens on. */
async function closedPort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('no credentials is ConfigurationError', () => {
  assert.throws(
    () => new Client({ baseUrl: sandbox.baseUrl, ignoreEnvironmentVariables: true }),
    (error) => error instanceof ConfigurationError && error.kind === 'configuration',
  );
});

test('unknown client option is ConfigurationError', () => {
  assert.throws(() => new Client(sandbox.keyOptions({ apikey: 'sk_test_x' })), (error) => {
    assert.ok(error instanceof ConfigurationError);
    assert.match(error.message, /apikey/);
    return true;
  });
});

/** Returns the error that `new Client(options)` throws; fails when it throws none. */
function constructionError(options) {
  try {
    new Client(options).close();
  } catch (error) {
    return error;
  }
  assert.fail('the client was built, but the options are invalid');
}

test('apiKey with clientId names client_id', () => {
  const error = constructionError(sandbox.keyOptions({ clientId: sandbox.info.client_id }));
  assert.ok(error instanceof ConfigurationError);
  assert.match(error.message, /client_id/);
});

test('apiKey with scopes names scopes', () => {
  const error = constructionError(sandbox.keyOptions({ scopes: ['payments:read'] }));
  assert.ok(error instanceof ConfigurationError);
  assert.match(error.message, /scopes/);
});

test('clientId without clientSecret is ConfigurationError', () => {
  const error = constructionError({
    clientId: sandbox.info.client_id,
    baseUrl: sandbox.baseUrl,
    ignoreEnvironmentVariables: true,
  });
  assert.ok(error instanceof ConfigurationError);
  assert.match(error.message, /client secret/);
});

test('unknown clientAuthMethod is ConfigurationError', () => {
  const error = constructionError(sandbox.oauthOptions({ clientAuthMethod: 'private_key_jwt' }));
  assert.ok(error instanceof ConfigurationError);
  assert.match(error.message, /"private_key_jwt"/);
});

test('unknown environment is ConfigurationError', () => {
  const error = constructionError(sandbox.keyOptions({ environment: 'staging' }));
  assert.ok(error instanceof ConfigurationError);
  assert.match(error.message, /"staging"/);
});

test('negative connectTimeout names it', () => {
  const error = constructionError(sandbox.keyOptions({ connectTimeout: -1 }));
  assert.ok(error instanceof ConfigurationError);
  assert.match(error.message, /connectTimeout/);
});

test('negative timeout is ConfigurationError', () => {
  assert.throws(() => new Client(sandbox.keyOptions({ timeout: -1 })), ConfigurationError);
});

test('negative per-call timeout is InvalidRequestError', async () => {
  const client = new Client(sandbox.keyOptions());
  const error = await client.transactions.retrieve('txn_any', { timeout: -1 }).catch((caught) => caught);

  assert.ok(error instanceof InvalidRequestError);
  assert.equal(error.param, 'timeout');
});

test('zero per-call timeout is InvalidRequestError', async () => {
  const client = new Client(sandbox.keyOptions());
  const error = await client.transactions.retrieve('txn_any', { timeout: 0 }).catch((caught) => caught);

  assert.ok(error instanceof InvalidRequestError);
  assert.equal(error.param, 'timeout');
});

test('negative per-call maxRetries is InvalidRequestError', async () => {
  const client = new Client(sandbox.keyOptions());
  const error = await client.transactions.retrieve('txn_any', { maxRetries: -1 }).catch((caught) => caught);

  assert.ok(error instanceof InvalidRequestError);
  assert.equal(error.param, 'max_retries');
});

test('list with negative timeout is InvalidRequestError', async () => {
  const client = new Client(sandbox.keyOptions());
  const error = await client.transactions.list({ limit: 1 }, { timeout: -1 }).catch((caught) => caught);

  assert.ok(error instanceof InvalidRequestError);
  assert.equal(error.param, 'timeout');
});

test('string per-call timeout names options', async () => {
  const client = new Client(sandbox.keyOptions());
  const error = await client.transactions.retrieve('txn_any', { timeout: '30' }).catch((caught) => caught);

  assert.ok(error instanceof InvalidRequestError);
  assert.equal(error.param, 'options');
});

test('publishable key is rejected', async () => {
  let error;
  try {
    const client = new Client(sandbox.keyOptions({ apiKey: sandbox.info.publishable_key }));
    await client.transactions.list({ limit: 1 });
  } catch (caught) {
    error = caught;
  }

  assert.ok(error instanceof ConfigurationError || error instanceof AuthenticationError);
  assert.ok(!error.message.includes(sandbox.info.publishable_key));
});

test('invalid key is AuthenticationError', async () => {
  const client = new Client(sandbox.keyOptions({ apiKey: 'sk_test_000000000000000000000000' }));
  const error = await client.transactions.list({ limit: 1 }).catch((caught) => caught);

  assert.ok(error instanceof AuthenticationError);
  assert.ok(error instanceof RealTimeFinanceError);
  assert.ok(error instanceof Error);
  assert.equal(error.statusCode, 401);
  assert.equal(error.code, 'api_key_invalid');
  assert.match(error.requestId, /^req_/);
});

test('missing scope is PermissionError', async () => {
  const key = await sandbox.createKey(['transactions:read']);
  const client = new Client(sandbox.keyOptions({ apiKey: key }));
  const error = await client.payments
    .create({ amount: 100, currency: 'EUR', source_account: 'acct_alice', destination_account: 'acct_bob' })
    .catch((caught) => caught);

  assert.ok(error instanceof PermissionError);
  assert.equal(error.statusCode, 403);
  assert.equal(error.code, 'insufficient_scope');
  assert.match(error.message, /payments:write/);
});

test('429 is RateLimitError with retryAfter', async () => {
  await sandbox.addFault({ method: 'GET', path: '/v1/transactions', count: 1, status: 429, retry_after: 2 });
  const client = new Client(sandbox.keyOptions({ maxRetries: 0 }));
  const error = await client.transactions.list({ limit: 1 }).catch((caught) => caught);

  assert.ok(error instanceof RateLimitError);
  assert.equal(error.statusCode, 429);
  assert.equal(error.retryAfter, 2);
});

test('503 is APIError', async () => {
  await sandbox.addFault({ method: 'GET', path: '/v1/transactions', count: 1, status: 503 });
  const client = new Client(sandbox.keyOptions());
  const error = await client.transactions.list({ limit: 1 }, { maxRetries: 0 }).catch((caught) => caught);

  assert.ok(error instanceof APIError);
  assert.equal(error.statusCode, 503);
});

test('closed port is ConnectionError', async () => {
  const port = await closedPort();
  const client = new Client(sandbox.keyOptions({ baseUrl: `http://127.0.0.1:${port}`, maxRetries: 0 }));
  const error = await client.transactions.list({ limit: 1 }).catch((caught) => caught);

  assert.ok(error instanceof ConnectionError);
  assert.equal(error.statusCode, null);
});

test('slow response is TimeoutError', async () => {
  await sandbox.addFault({ method: 'GET', path: '/v1/transactions', count: 1, action: 'delay', delay_ms: 3000 });
  const client = new Client(sandbox.keyOptions({ maxRetries: 0, timeout: 300 }));
  const started = Date.now();
  const error = await client.transactions.list({ limit: 1 }).catch((caught) => caught);

  assert.ok(error instanceof TimeoutError);
  assert.ok(Date.now() - started < 2500);
});

test('call after close is ConfigurationError', async () => {
  const client = new Client(sandbox.keyOptions());
  client.close();
  const error = await client.transactions.retrieve('txn_any').catch((caught) => caught);

  assert.ok(error instanceof ConfigurationError);
  assert.match(error.message, /closed/);
  assert.equal(client.baseUrl, null);
});

test('error stack shows the calling function', async () => {
  const client = new Client(sandbox.keyOptions());
  async function callerFunctionName() {
    return await client.transactions.retrieve('txn_doesnotexist');
  }
  const error = await callerFunctionName().catch((caught) => caught);

  assert.match(error.stack, /callerFunctionName/);
});

test('error toJSON carries every field', async () => {
  const client = new Client(sandbox.keyOptions());
  const error = await client.transactions.retrieve('txn_doesnotexist').catch((caught) => caught);
  const json = JSON.parse(JSON.stringify(error));

  assert.equal(json.name, 'NotFoundError');
  assert.equal(json.kind, 'not_found');
  assert.equal(json.statusCode, 404);
  assert.equal(json.code, 'resource_missing');
  assert.equal(json.param, 'id');
  assert.equal(json.requestId, error.requestId);
});

test('asyncDispose closes the client', async () => {
  const client = new Client(sandbox.keyOptions());
  await client[Symbol.asyncDispose]();
  const error = await client.transactions.list({ limit: 1 }).catch((caught) => caught);

  assert.equal(client.baseUrl, null);
  assert.ok(error instanceof ConfigurationError);
});
