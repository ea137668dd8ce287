'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const { after, before, test } = require('node:test');

const { Client, ConfigurationError, ConnectionError } = require('..');
const { startSandbox } = require('./support/sandbox');

let sandbox;

before(async () => {
  sandbox = await startSandbox(['--tls']);
});

after(async () => {
  await sandbox.stop();
});

test('sandbox serves https', () => {
  assert.match(sandbox.baseUrl, /^https:\/\/(127\.0\.0\.1|localhost):/);
  assert.ok(fs.existsSync(sandbox.info.ca_cert));
});

test('caCert path trusts the sandbox CA', async () => {
  const client = new Client(sandbox.keyOptions({ caCert: sandbox.info.ca_cert }));
  const page = await client.transactions.list({ limit: 1 });

  assert.equal(page.data.length, 1);
  client.close();
});

test('caCertPem Buffer trusts the sandbox CA', async () => {
  const client = new Client(sandbox.keyOptions({ caCertPem: fs.readFileSync(sandbox.info.ca_cert) }));
  const page = await client.transactions.list({ limit: 1 });

  assert.equal(page.data.length, 1);
  client.close();
});

test('unknown CA is ConnectionError', async () => {
  const client = new Client(sandbox.keyOptions({ maxRetries: 0 }));
  const error = await client.transactions.list({ limit: 1 }).catch((caught) => caught);

  assert.ok(error instanceof ConnectionError, `got ${error}`);
  client.close();
});

test('missing caCert file is ConfigurationError', () => {
  assert.throws(
    () => new Client(sandbox.keyOptions({ caCert: '/nonexistent/ca.pem' })),
    (error) => error instanceof ConfigurationError && error.message.includes('/nonexistent/ca.pem'),
  );
});
