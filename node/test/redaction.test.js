'use strict';

const assert = require('node:assert/strict');
const util = require('node:util');
const { after, before, test } = require('node:test');

const { Client } = require('..');
const { startSandbox } = require('./support/sandbox');

let sandbox;

before(async () => {
  sandbox = await startSandbox();
});

after(async () => {
  await sandbox.stop();
});

/** Returns every text form of `value` that a log line or a crash report could show. */
function renderings(value) {
  return [
    util.inspect(value),
    util.inspect(value, { showHidden: true, depth: Infinity }),
    util.format('%o', value),
    JSON.stringify(value),
    String(value),
  ];
}

function assertNoSecret(texts, secrets) {
  for (const text of texts) {
    for (const secret of secrets) {
      assert.ok(!text.includes(secret), `secret found in: ${text}`);
    }
  }
}

test('api key client hides the key', () => {
  const client = new Client(sandbox.keyOptions());

  assertNoSecret(renderings(client), [sandbox.info.secret_key]);
  assert.equal(client.toJSON().auth, 'api_key');
  client.close();
});

test('oauth client hides the client secret', () => {
  const client = new Client(sandbox.oauthOptions());

  assertNoSecret(renderings(client), [sandbox.info.client_secret]);
  assert.equal(client.toJSON().clientId, sandbox.info.client_id);
  client.close();
});

test('resources hide the credentials', () => {
  const client = new Client(sandbox.keyOptions());

  assertNoSecret([...renderings(client.transactions), ...renderings(client.payments)], [sandbox.info.secret_key]);
  client.close();
});

test('authentication error hides the key', async () => {
  const badKey = 'sk_test_abcdefghijklmnopqrstuvwx';
  const client = new Client(sandbox.keyOptions({ apiKey: badKey }));
  const error = await client.transactions.list({ limit: 1 }).catch((caught) => caught);

  assert.equal(error.statusCode, 401);
  assertNoSecret([...renderings(error), error.stack], [badKey, badKey.slice('sk_test_'.length)]);
  client.close();
});

test('configuration error hides the secret', () => {
  let error;
  try {
    new Client({
      apiKey: 'pk_test_abcdefghijklmnopqrstuvwx',
      clientSecret: 'cs_test_do_not_show_this_secret',
      baseUrl: sandbox.baseUrl,
      ignoreEnvironmentVariables: true,
    });
  } catch (caught) {
    error = caught;
  }

  assert.ok(error);
  assertNoSecret([...renderings(error), error.stack], ['cs_test_do_not_show_this_secret', 'abcdefghijklmnopqrstuvwx']);
});

test('invalid key type error hides the key', () => {
  let error;
  try {
    new Client({ apiKey: 'pk_live_abcdefghijklmnopqrstuvwx', baseUrl: sandbox.baseUrl, ignoreEnvironmentVariables: true });
  } catch (caught) {
    error = caught;
  }

  assert.ok(error);
  assertNoSecret([...renderings(error), error.stack], ['abcdefghijklmnopqrstuvwx']);
});
