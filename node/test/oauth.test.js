'use strict';

const assert = require('node:assert/strict');
const { setTimeout: sleep } = require('node:timers/promises');
const { after, before, test } = require('node:test');

const { AuthenticationError, Client, PermissionError } = require('..');
const { startSandbox } = require('./support/sandbox');

// Sandbox OAuth clients made by these tests issue tokens that live this
// long; waiting PAST_EXPIRY_MS guarantees an expired token.
const TOKEN_TTL_SECONDS = 2;
const PAST_EXPIRY_MS = TOKEN_TTL_SECONDS * 1000 + 700;

let sandbox;

before(async () => {
  sandbox = await startSandbox();
});

after(async () => {
  await sandbox.stop();
});

async function tokenRequests(clientId) {
  const stats = await sandbox.stats();
  return stats.token_requests_by_client[clientId] ?? 0;
}

async function shortLivedClient(scopes = ['transactions:read']) {
  const credentials = await sandbox.createOAuthClient({ scopes, token_ttl_seconds: TOKEN_TTL_SECONDS });
  const client = new Client(
    sandbox.oauthOptions({ clientId: credentials.client_id, clientSecret: credentials.client_secret }),
  );
  return { client, clientId: credentials.client_id };
}

test('oauth client lists transactions', async () => {
  const client = new Client(sandbox.oauthOptions());
  const page = await client.transactions.list({ limit: 2 });

  assert.equal(page.data.length, 2);
  client.close();
});

test('cached token serves many calls', async () => {
  const { client, clientId } = await shortLivedClient();
  for (let call = 0; call < 5; call += 1) {
    await client.transactions.list({ limit: 1 });
  }

  assert.equal(await tokenRequests(clientId), 1);
  client.close();
});

test('expired token is refreshed', async () => {
  const { client, clientId } = await shortLivedClient();
  await client.transactions.list({ limit: 1 });
  await sleep(PAST_EXPIRY_MS);
  const page = await client.transactions.list({ limit: 1 });

  assert.equal(page.data.length, 1);
  assert.equal(await tokenRequests(clientId), 2);
  client.close();
});

test('200 calls at expiry share one token request', async () => {
  const { client, clientId } = await shortLivedClient();
  await client.transactions.list({ limit: 1 });
  const warmed = await tokenRequests(clientId);
  await sleep(PAST_EXPIRY_MS);

  const calls = Array.from({ length: 200 }, () => client.transactions.list({ limit: 1 }));
  const pages = await Promise.all(calls);

  assert.equal(warmed, 1);
  assert.equal(pages.length, 200);
  assert.ok(pages.every((page) => page.data.length === 1));
  assert.equal((await tokenRequests(clientId)) - warmed, 1);
  client.close();
});

test('wrong client secret is AuthenticationError', async () => {
  const client = new Client(sandbox.oauthOptions({ clientSecret: 'wrong-secret' }));
  const error = await client.transactions.list({ limit: 1 }).catch((caught) => caught);

  assert.ok(error instanceof AuthenticationError);
  assert.equal(error.code, 'invalid_client');
  assert.ok(!error.message.includes('wrong-secret'));
});

test('token without scope is PermissionError', async () => {
  const { client } = await shortLivedClient(['transactions:read']);
  const error = await client.payments
    .create({ amount: 100, currency: 'EUR', source_account: 'acct_alice', destination_account: 'acct_bob' })
    .catch((caught) => caught);

  assert.ok(error instanceof PermissionError);
  assert.equal(error.code, 'insufficient_scope');
  client.close();
});

test('client_secret_post authenticates', async () => {
  const client = new Client(sandbox.oauthOptions({ clientAuthMethod: 'client_secret_post' }));
  const page = await client.transactions.list({ limit: 1 });

  assert.equal(page.data.length, 1);
  client.close();
});
