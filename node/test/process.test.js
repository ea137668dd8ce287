'use strict';

// Runs small scripts in a child `node` to check what only a whole process
// shows: that it exits by itself, and where the core's log events go.

const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { after, before, test } = require('node:test');

const { startSandbox } = require('./support/sandbox');

const PACKAGE_DIR = path.resolve(__dirname, '..');
// A child that hangs is killed after this long, which fails the test.
const CHILD_TIMEOUT_MS = 20_000;

let sandbox;

before(async () => {
  sandbox = await startSandbox();
});

after(async () => {
  await sandbox.clearFaults();
  await sandbox.stop();
});

function runChild(source, env = {}) {
  return spawnSync(process.execPath, ['-e', source], {
    cwd: PACKAGE_DIR,
    env: {
      ...process.env,
      REALTIME_FINANCE_SECRET_KEY: sandbox.info.secret_key,
      REALTIME_FINANCE_BASE_URL: sandbox.baseUrl,
      ...env,
    },
    encoding: 'utf8',
    timeout: CHILD_TIMEOUT_MS,
  });
}

test('process exits after a finished call', () => {
  const child = runChild(`
    const { Client } = require('.');
    const client = new Client();
    client.transactions.list({ limit: 1 }).then((page) => console.log('got', page.data.length));
  `);

  assert.equal(child.signal, null, 'child was killed: it did not exit by itself');
  assert.equal(child.status, 0, child.stderr);
  assert.equal(child.stdout.trim(), 'got 1');
});

test('process exits after paging and an error', () => {
  const child = runChild(`
    const { Client, NotFoundError } = require('.');
    const client = new Client();
    (async () => {
      for await (const item of client.transactions.list({ limit: 2 })) { break; }
      await client.transactions.retrieve('txn_doesnotexist').catch((error) => {
        console.log(error instanceof NotFoundError);
      });
    })();
  `);

  assert.equal(child.signal, null, 'child was killed: it did not exit by itself');
  assert.equal(child.status, 0, child.stderr);
  assert.equal(child.stdout.trim(), 'true');
});

test('pending call keeps the process alive', async () => {
  await sandbox.addFault({ method: 'GET', path: '/v1/transactions', count: 1, action: 'delay', delay_ms: 1000 });
  const child = runChild(`
    const { Client } = require('.');
    new Client().transactions.list({ limit: 1 }).then(() => console.log('settled'));
  `);

  assert.equal(child.status, 0, child.stderr);
  assert.equal(child.stdout.trim(), 'settled');
});

test('NODE_DEBUG shows the core log events', async () => {
  await sandbox.addFault({ method: 'GET', path: '/v1/transactions', count: 1, status: 503 });
  const child = runChild(
    `
    const { Client } = require('.');
    new Client().transactions.list({ limit: 1 }).then(() => console.log('done'));
  `,
    { NODE_DEBUG: 'realtime_finance' },
  );

  assert.equal(child.status, 0, child.stderr);
  assert.match(child.stderr, /REALTIME_FINANCE \d+: \w+ realtime_finance/);
  assert.ok(!child.stderr.includes(sandbox.info.secret_key));
});

test('no debug output without NODE_DEBUG', () => {
  const child = runChild(`
    const { Client } = require('.');
    new Client().transactions.list({ limit: 1 }).then(() => console.log('done'));
  `, { NODE_DEBUG: '' });

  assert.equal(child.status, 0, child.stderr);
  assert.equal(child.stderr, '');
});
