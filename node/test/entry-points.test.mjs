import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';

import defaultExport, * as esm from 'realtime-finance';

const require = createRequire(import.meta.url);
const cjs = require('realtime-finance');

const PUBLIC_NAMES = [
  'Client',
  'Webhook',
  'RealTimeFinanceError',
  'ConfigurationError',
  'AuthenticationError',
  'PermissionError',
  'InvalidRequestError',
  'NotFoundError',
  'ConflictError',
  'RateLimitError',
  'APIError',
  'ConnectionError',
  'TimeoutError',
  'WebhookSignatureError',
  'VERSION',
];

test('ESM exports every public name', () => {
  for (const name of PUBLIC_NAMES) {
    assert.notEqual(esm[name], undefined, `missing ESM export ${name}`);
  }
});

test('CommonJS exports every public name', () => {
  for (const name of PUBLIC_NAMES) {
    assert.notEqual(cjs[name], undefined, `missing CommonJS export ${name}`);
  }
});

test('both entry points share classes', () => {
  for (const name of PUBLIC_NAMES) {
    assert.equal(esm[name], cjs[name], `${name} differs between import and require`);
  }
  assert.equal(defaultExport.Client, cjs.Client);
});

test('error subclasses extend the base', () => {
  for (const name of PUBLIC_NAMES.filter((exported) => exported.endsWith('Error') && exported !== 'RealTimeFinanceError')) {
    const error = new esm[name]('message');
    assert.ok(error instanceof cjs.RealTimeFinanceError, `${name} does not extend RealTimeFinanceError`);
    assert.ok(error instanceof Error);
    assert.equal(error.name, name);
  }
});

test('VERSION matches package.json', () => {
  assert.equal(esm.VERSION, require('../package.json').version);
});
