// Starts oidc-provider on 127.0.0.1 with a random port and one
// client_credentials client, then prints {"port": N} as one JSON line and
// {"grant": "success"} for every token it issues, so the test can count
// token requests. Token lifetime comes from argv[2] (seconds). Used by
// core/tests/oidc.rs.

import Provider from 'oidc-provider';

const ttlSeconds = Number(process.argv[2] ?? '2');

const provider = new Provider('http://127.0.0.1', {
  clients: [{
    client_id: 'rtf-test-client',
    client_secret: 'rtf-test-secret-not-used-anywhere-else',
    grant_types: ['client_credentials'],
    redirect_uris: [],
    response_types: [],
    token_endpoint_auth_method: 'client_secret_basic',
    scope: 'transactions:read',
  }],
  scopes: ['transactions:read'],
  features: {
    clientCredentials: { enabled: true },
    devInteractions: { enabled: false },
  },
  ttl: { ClientCredentials: ttlSeconds },
});

provider.on('grant.success', () => {
  process.stdout.write(JSON.stringify({ grant: 'success' }) + '\n');
});

const server = provider.listen(0, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n');
});

process.on('SIGTERM', () => server.close(() => process.exit(0)));
