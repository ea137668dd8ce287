'use strict';

// Starts a local `rtf sandbox` for a test file and talks to its admin API.
// The sandbox binds 127.0.0.1 on a free port, so every request stays on
// loopback.

const { spawn } = require('node:child_process');
const path = require('node:path');
const readline = require('node:readline');

const RTF_BIN = process.env.RTF_BIN || path.resolve(__dirname, '..', '..', '..', 'target', 'debug', 'rtf');
const START_TIMEOUT_MS = 30_000;

/**
 * Starts `rtf sandbox --port 0 ...extraArgs` and resolves to a `Sandbox`
 * once its first output line (the JSON with credentials) arrives.
 */
function startSandbox(extraArgs = []) {
  const child = spawn(RTF_BIN, ['sandbox', '--port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const lines = readline.createInterface({ input: child.stdout });

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`rtf sandbox printed no JSON line within ${START_TIMEOUT_MS} ms (binary ${RTF_BIN})`));
    }, START_TIMEOUT_MS);

    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`failed to start ${RTF_BIN}: ${error.message}; build it with cargo build -p realtime-finance-cli`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`rtf sandbox exited with code ${code} before printing its JSON line`));
    });
    lines.once('line', (line) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      // Keep draining stdout so that the sandbox never blocks on a full pipe.
      child.stdout.resume();
      resolve(new Sandbox(child, JSON.parse(line)));
    });
  });
}

class Sandbox {
  constructor(child, info) {
    this.child = child;
    this.info = info;
    this.baseUrl = info.base_url;
  }

  /** Client options for the sandbox's default secret key, ignoring the environment. */
  keyOptions(extra = {}) {
    return { apiKey: this.info.secret_key, baseUrl: this.baseUrl, ignoreEnvironmentVariables: true, ...extra };
  }

  /** Client options for the sandbox's default OAuth client, ignoring the environment. */
  oauthOptions(extra = {}) {
    return {
      clientId: this.info.client_id,
      clientSecret: this.info.client_secret,
      baseUrl: this.baseUrl,
      ignoreEnvironmentVariables: true,
      ...extra,
    };
  }

  async admin(method, route, body) {
    const response = await fetch(`${this.baseUrl}${route}`, {
      method,
      headers: { authorization: `Bearer ${this.info.admin_token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`admin ${method} ${route} failed with HTTP ${response.status}: ${text}`);
    }
    return text ? JSON.parse(text) : null;
  }

  /** Creates an API key with only `scopes`; resolves to its secret. */
  async createKey(scopes) {
    const created = await this.admin('POST', '/_sandbox/keys', { scopes });
    return created.secret_key;
  }

  /** Creates an OAuth client; resolves to `{ client_id, client_secret, ... }`. */
  createOAuthClient(body) {
    return this.admin('POST', '/_sandbox/oauth_clients', body);
  }

  addFault(fault) {
    return this.admin('POST', '/_sandbox/faults', fault);
  }

  clearFaults() {
    return this.admin('DELETE', '/_sandbox/faults');
  }

  stats() {
    return this.admin('GET', '/_sandbox/stats');
  }

  async stop() {
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      return;
    }
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}

module.exports = { startSandbox, RTF_BIN };
