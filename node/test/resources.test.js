'use strict';

const assert = require('node:assert/strict');
const { after, before, test } = require('node:test');

const { Client, InvalidRequestError } = require('..');
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

test('fraud assess approves a small payment', async () => {
  const assessment = await client.fraud.assess({
    amount: 1000,
    currency: 'EUR',
    source_account: 'acct_alice',
    destination_account: 'acct_bob',
  });

  assert.match(assessment.id, /^fa_/);
  assert.equal(assessment.object, 'fraud_assessment');
  assert.equal(assessment.decision, 'approve');
  assert.ok(assessment.risk_score >= 0);
  assert.ok(assessment.risk_score < 40);
  assert.ok(Array.isArray(assessment.reasons));
});

test('fraud assess declines the test account', async () => {
  const assessment = await client.fraud.assess({
    amount: 1000,
    currency: 'EUR',
    source_account: 'acct_fraud_decline',
    destination_account: 'acct_bob',
  });

  assert.equal(assessment.decision, 'decline');
  assert.ok(assessment.risk_score >= 75);
});

test('events list a created payment', async () => {
  const payment = await client.payments.create({
    amount: 700,
    currency: 'EUR',
    source_account: 'acct_alice',
    destination_account: 'acct_stays_pending',
  });
  const events = await client.events.list({ type: 'payment.created' }).autoPagingToArray({ limit: 100 });

  const matching = events.filter((event) => event.data.object.id === payment.id);
  assert.equal(matching.length, 1);
  assert.equal(matching[0].type, 'payment.created');
  assert.equal(matching[0].object, 'event');
  assert.match(matching[0].id, /^evt_/);
});

test('events for await pages through', async () => {
  let count = 0;
  for await (const event of client.events.list({ limit: 1 })) {
    assert.equal(typeof event.type, 'string');
    count += 1;
    if (count === 3) {
      break;
    }
  }

  assert.equal(count, 3);
});

test('webhook endpoint create returns its secret', async () => {
  const endpoint = await client.webhookEndpoints.create({
    url: 'http://127.0.0.1:9/hooks',
    enabled_events: ['payment.succeeded'],
    description: 'node test',
  });

  assert.match(endpoint.id, /^we_/);
  assert.equal(endpoint.object, 'webhook_endpoint');
  assert.match(endpoint.secret, /^whsec_/);
  assert.deepEqual(endpoint.enabled_events, ['payment.succeeded']);
  assert.equal(endpoint.status, 'enabled');
});

test('webhook endpoint on public host is rejected', async () => {
  const error = await client.webhookEndpoints
    .create({ url: 'http://example.invalid/hooks' })
    .catch((caught) => caught);

  assert.ok(error instanceof InvalidRequestError);
  assert.equal(error.param, 'url');
});
