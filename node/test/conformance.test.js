'use strict';

// Runs the cross-language scenarios of tests/conformance/scenarios.json
// through the Node.js SDK. The file format is described in
// tests/conformance/README.md.

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { after, before, test } = require('node:test');

const sdk = require('..');
const { startSandbox } = require('./support/sandbox');

const SCENARIO_FILE = path.resolve(__dirname, '..', '..', 'tests', 'conformance', 'scenarios.json');
const SCENARIOS = fs.existsSync(SCENARIO_FILE) ? JSON.parse(fs.readFileSync(SCENARIO_FILE, 'utf8')).scenarios : [];
const RUN_ID = crypto.randomUUID().slice(0, 12);
const ERROR_CLASSES = {
  configuration: sdk.ConfigurationError,
  authentication: sdk.AuthenticationError,
  permission: sdk.PermissionError,
  invalid_request: sdk.InvalidRequestError,
  not_found: sdk.NotFoundError,
  conflict: sdk.ConflictError,
  rate_limit: sdk.RateLimitError,
  api: sdk.APIError,
  connection: sdk.ConnectionError,
  timeout: sdk.TimeoutError,
  webhook_signature: sdk.WebhookSignatureError,
};
// The scenario file's error field names and this SDK's property names.
const ERROR_FIELDS = { http_status: 'statusCode', code: 'code', param: 'param' };
const RESOURCES = { webhook_endpoints: 'webhookEndpoints' };
const PLACEHOLDER = /\$\{([^}]+)\}/g;
const WHOLE_PLACEHOLDER = /^\$\{([^}]+)\}$/;

let sandbox;

before(async () => {
  sandbox = await startSandbox();
});

after(async () => {
  await sandbox.stop();
});

function lookup(saved, dottedPath) {
  return dottedPath.split('.').reduce((value, part) => (Array.isArray(value) ? value[Number(part)] : value[part]), saved);
}

function substitute(value, saved) {
  if (Array.isArray(value)) {
    return value.map((item) => substitute(item, saved));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item, saved)]));
  }
  if (typeof value !== 'string') {
    return value;
  }
  const whole = WHOLE_PLACEHOLDER.exec(value);
  if (whole) {
    return lookup(saved, whole[1]);
  }
  return value.replace(PLACEHOLDER, (_, dottedPath) => String(lookup(saved, dottedPath)));
}

/** Standard Webhooks signature made with node:crypto, independent of the core. */
function sign(signArgs, payload) {
  const body = signArgs.payload ?? payload;
  const timestamp = String(Math.floor(Date.now() / 1000) + (signArgs.timestamp_offset ?? 0));
  const key = Buffer.from(signArgs.secret.slice(signArgs.secret.indexOf('_') + 1), 'base64');
  const signature = crypto.createHmac('sha256', key).update(`${signArgs.id}.${timestamp}.${body}`).digest('base64');
  return { 'webhook-id': signArgs.id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` };
}

async function buildClient(credential) {
  if (credential === 'secret_key') {
    return new sdk.Client(sandbox.keyOptions());
  }
  if (credential === 'publishable_key') {
    return new sdk.Client(sandbox.keyOptions({ apiKey: sandbox.info.publishable_key }));
  }
  if (credential === 'oauth') {
    return new sdk.Client(sandbox.oauthOptions());
  }
  if (credential === 'oauth_wrong_secret') {
    return new sdk.Client(sandbox.oauthOptions({ clientSecret: 'wrong-secret' }));
  }
  return new sdk.Client(sandbox.keyOptions({ apiKey: await sandbox.createKey(credential.scopes) }));
}

async function runCall(client, call, args) {
  if (call === 'webhook.verify') {
    const headers = args.headers ?? sign(args.sign, args.payload);
    return sdk.Webhook.verify(args.payload, headers, args.secrets, { tolerance: args.tolerance });
  }
  const options = {};
  if ('max_retries' in args) {
    options.maxRetries = args.max_retries;
  }
  const [resourceName, methodName] = call.split('.');
  const resource = client[RESOURCES[resourceName] ?? resourceName];
  if (methodName === 'retrieve' || methodName === 'cancel') {
    return resource[methodName](args.id, options);
  }
  if (methodName === 'list') {
    return resource.list(args.params ?? {}, options).autoPagingToArray({ limit: args.max_items });
  }
  if ('idempotency_key' in args) {
    options.idempotencyKey = args.idempotency_key;
  }
  return resource[methodName](args.params, options);
}

function checkResult(step, result, saved) {
  for (const [key, expected] of Object.entries(substitute(step.expect ?? {}, saved))) {
    assert.deepEqual(result[key], expected, `${key}: ${JSON.stringify(result[key])} != ${JSON.stringify(expected)}`);
  }
  for (const [key, prefix] of Object.entries(step.expect_prefix ?? {})) {
    assert.ok(String(result[key]).startsWith(prefix), `${key} does not start with ${prefix}`);
  }
  if ('expect_count' in step) {
    assert.equal(result.length, step.expect_count);
  }
  if ('expect_min_count' in step) {
    assert.ok(result.length >= step.expect_min_count, `${result.length} < ${step.expect_min_count}`);
  }
  for (const [key, expected] of Object.entries(step.expect_all ?? {})) {
    assert.ok(
      result.every((item) => item[key] === expected),
      `not every ${key} is ${expected}`,
    );
  }
  if ('expect_unique' in step) {
    const values = result.map((item) => item[step.expect_unique]);
    assert.equal(new Set(values).size, values.length, `${step.expect_unique} repeats`);
  }
}

function checkError(expected, error) {
  const ErrorClass = ERROR_CLASSES[expected.kind];
  assert.ok(error instanceof ErrorClass, `${error} is not ${ErrorClass.name}`);
  for (const [field, property] of Object.entries(ERROR_FIELDS)) {
    if (field in expected) {
      assert.equal(error[property], expected[field], `${field}: ${error[property]} != ${expected[field]}`);
    }
  }
}

function checkStatsDelta(before, afterStats, expected) {
  for (const [key, value] of Object.entries(expected)) {
    if (key === 'requests') {
      for (const [route, count] of Object.entries(value)) {
        const actual = (afterStats.requests[route] ?? 0) - (before.requests[route] ?? 0);
        assert.equal(actual, count, `requests to ${route}: ${actual} != ${count}`);
      }
    } else {
      assert.equal(afterStats[key] - before[key], value, `${key}: ${afterStats[key] - before[key]} != ${value}`);
    }
  }
}

test('scenario file is present', () => {
  assert.ok(SCENARIOS.length > 0, `no scenarios in ${SCENARIO_FILE}`);
});

for (const scenario of SCENARIOS) {
  test(scenario.name, async () => {
    const saved = { run_id: RUN_ID };
    const { steps } = scenario;
    let client;
    try {
      client = await buildClient(scenario.credential);
    } catch (error) {
      assert.ok('expect_error' in steps[0], `building the client failed: ${error}`);
      checkError(steps[0].expect_error, error);
      return;
    }

    const before = scenario.expect_stats_delta ? await sandbox.stats() : null;
    for (const fault of scenario.faults ?? []) {
      await sandbox.addFault(fault);
    }
    try {
      for (const step of steps) {
        const args = substitute(step.args ?? {}, saved);
        if ('expect_error' in step) {
          const error = await runCall(client, step.call, args).then(
            (result) => assert.fail(`${step.call} succeeded with ${JSON.stringify(result)}`),
            (caught) => caught,
          );
          checkError(step.expect_error, error);
          continue;
        }
        const result = await runCall(client, step.call, args);
        if (step.save_as) {
          saved[step.save_as] = result;
        }
        checkResult(step, result, saved);
      }
    } finally {
      await sandbox.clearFaults();
      client.close();
    }
    if (before !== null) {
      checkStatsDelta(before, await sandbox.stats(), scenario.expect_stats_delta);
    }
  });
}
