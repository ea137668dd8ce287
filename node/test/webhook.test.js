'use strict';

const assert = require('node:assert/strict');
const http = require('node:http');
const { after, before, test } = require('node:test');

// An independent Standard Webhooks implementation signs the deliveries that
// the SDK (through the Rust core) verifies, and checks what the SDK signs.
const standardwebhooks = require('standardwebhooks');

const { Client, Webhook, WebhookSignatureError } = require('..');
const { startSandbox } = require('./support/sandbox');

const SECRET = `whsec_${Buffer.from('node-sdk-test-secret-32-bytes-ok').toString('base64')}`;
const OTHER_SECRET = `whsec_${Buffer.from('another-test-secret-of-32-bytes!').toString('base64')}`;

const EVENT = {
  id: 'evt_node_test_1',
  object: 'event',
  type: 'payment.succeeded',
  created: 1764547200,
  data: { object: { id: 'pay_node_test_1', object: 'payment', amount: 2500, currency: 'EUR', status: 'succeeded' } },
};
const PAYLOAD = JSON.stringify(EVENT);

/** Signs `payload` with the independent implementation; `timestamp` in Unix seconds. */
function signedHeaders(payload, { secret = SECRET, id = EVENT.id, timestamp = Math.floor(Date.now() / 1000) } = {}) {
  const signer = new standardwebhooks.Webhook(secret);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signer.sign(id, new Date(timestamp * 1000), payload),
  };
}

function assertSignatureError(action, pattern) {
  assert.throws(action, (error) => {
    assert.ok(error instanceof WebhookSignatureError, `expected WebhookSignatureError, got ${error}`);
    assert.equal(error.kind, 'webhook_signature');
    if (pattern) {
      assert.match(error.message, pattern);
    }
    return true;
  });
}

test('verify accepts a Buffer signed independently', () => {
  const event = Webhook.verify(Buffer.from(PAYLOAD), signedHeaders(PAYLOAD), SECRET);

  assert.equal(event.id, EVENT.id);
  assert.equal(event.type, 'payment.succeeded');
  assert.equal(event.data.object.id, 'pay_node_test_1');
});

test('verify accepts a string payload', () => {
  const event = Webhook.verify(PAYLOAD, signedHeaders(PAYLOAD), SECRET);

  assert.equal(event.id, EVENT.id);
});

test('verified event has object event', () => {
  const event = Webhook.verify(PAYLOAD, signedHeaders(PAYLOAD), SECRET);

  assert.equal(event.object, 'event');
  assert.equal(event.data.object.object, 'payment');
});

test('verify accepts a Fetch Headers object', () => {
  const headers = new Headers(signedHeaders(PAYLOAD));
  const event = Webhook.verify(PAYLOAD, headers, SECRET);

  assert.equal(event.id, EVENT.id);
});

test('header names match case-insensitively', () => {
  const headers = Object.fromEntries(
    Object.entries(signedHeaders(PAYLOAD)).map(([name, value]) => [name.toUpperCase(), value]),
  );
  const event = Webhook.verify(PAYLOAD, headers, SECRET);

  assert.equal(event.id, EVENT.id);
});

test('one matching signature among several suffices', () => {
  const headers = signedHeaders(PAYLOAD);
  const otherSignature = signedHeaders(PAYLOAD, { secret: OTHER_SECRET })['webhook-signature'];
  headers['webhook-signature'] = `${otherSignature} ${headers['webhook-signature']}`;
  const event = Webhook.verify(PAYLOAD, headers, SECRET);

  assert.equal(event.id, EVENT.id);
});

test('array header values are all checked', () => {
  const headers = signedHeaders(PAYLOAD);
  const otherSignature = signedHeaders(PAYLOAD, { secret: OTHER_SECRET })['webhook-signature'];
  headers['webhook-signature'] = [otherSignature, headers['webhook-signature']];
  const event = Webhook.verify(PAYLOAD, headers, SECRET);

  assert.equal(event.id, EVENT.id);
});

test('rotation accepts any listed secret', () => {
  const verifier = new Webhook([OTHER_SECRET, SECRET]);
  const event = verifier.verify(PAYLOAD, signedHeaders(PAYLOAD));

  assert.equal(event.id, EVENT.id);
});

test('tampered payload is rejected', () => {
  const headers = signedHeaders(PAYLOAD);
  const tampered = PAYLOAD.replace('2500', '9500');

  assertSignatureError(() => Webhook.verify(tampered, headers, SECRET));
});

test('wrong secret is rejected', () => {
  assertSignatureError(() => Webhook.verify(PAYLOAD, signedHeaders(PAYLOAD), OTHER_SECRET));
});

test('stale timestamp is rejected', () => {
  const headers = signedHeaders(PAYLOAD, { timestamp: Math.floor(Date.now() / 1000) - 600 });

  assertSignatureError(() => Webhook.verify(PAYLOAD, headers, SECRET));
});

test('tolerance option widens the window', () => {
  const headers = signedHeaders(PAYLOAD, { timestamp: Math.floor(Date.now() / 1000) - 600 });
  const event = Webhook.verify(PAYLOAD, headers, SECRET, { tolerance: 900 });

  assert.equal(event.id, EVENT.id);
});

test('missing signature header is rejected', () => {
  const { 'webhook-signature': signature, ...headers } = signedHeaders(PAYLOAD);

  assert.match(signature, /^v1,/);
  assertSignatureError(() => Webhook.verify(PAYLOAD, headers, SECRET));
});

test('parsed JSON body is rejected', () => {
  assertSignatureError(() => Webhook.verify(EVENT, signedHeaders(PAYLOAD), SECRET), /raw request body/);
});

test('error message never contains the secret', () => {
  let message = '';
  try {
    Webhook.verify(PAYLOAD, signedHeaders(PAYLOAD), OTHER_SECRET);
  } catch (error) {
    message = `${error.message} ${JSON.stringify(error)}`;
  }

  assert.ok(message.length > 0);
  assert.ok(!message.includes(OTHER_SECRET.slice('whsec_'.length)));
});

test('generateTestHeaders verify independently', () => {
  const headers = Webhook.generateTestHeaders({ payload: PAYLOAD, secret: SECRET, id: EVENT.id });
  const verified = new standardwebhooks.Webhook(SECRET).verify(PAYLOAD, headers);

  assert.equal(verified.id, EVENT.id);
});

test('Webhook inspect hides secrets', () => {
  const verifier = new Webhook(SECRET);
  const rendered = `${require('node:util').inspect(verifier)} ${JSON.stringify(verifier)}`;

  assert.ok(!rendered.includes(SECRET.slice('whsec_'.length)));
});

// A real delivery: the sandbox signs and posts an event to a loopback
// server, and the SDK verifies it with the endpoint's secret.
let sandbox;
let receiver;
let deliveries;

before(async () => {
  sandbox = await startSandbox();
  deliveries = [];
  receiver = http.createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      deliveries.push({ body: Buffer.concat(chunks), headers: request.headers });
      response.writeHead(204).end();
    });
  });
  await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
});

after(async () => {
  await new Promise((resolve) => receiver.close(resolve));
  await sandbox.stop();
});

test('sandbox delivery verifies with endpoint secret', async () => {
  const client = new Client(sandbox.keyOptions());
  const endpoint = await client.webhookEndpoints.create({
    url: `http://127.0.0.1:${receiver.address().port}/hooks`,
    enabled_events: ['payment.created'],
  });
  const payment = await client.payments.create({
    amount: 300,
    currency: 'EUR',
    source_account: 'acct_alice',
    destination_account: 'acct_stays_pending',
  });
  await sandbox.admin('POST', '/_sandbox/webhooks/deliver', {});

  const deadline = Date.now() + 10_000;
  while (deliveries.length === 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.ok(deliveries.length >= 1, 'no delivery arrived within 10 s');

  const events = deliveries.map(({ body, headers }) => Webhook.verify(body, headers, endpoint.secret));
  const created = events.find((event) => event.data.object.id === payment.id);
  assert.ok(created, 'no delivered event is about the created payment');
  assert.equal(created.type, 'payment.created');
  client.close();
});
