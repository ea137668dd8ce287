// Type-checks the package's declarations against realistic use; compiled
// by `npm run typecheck` (tsc --strict --noEmit) and never run.

import {
  APIError,
  AuthenticationError,
  Client,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  InvalidRequestError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  RealTimeFinanceError,
  TimeoutError,
  Webhook,
  WebhookSignatureError,
  type ClientOptions,
  type Event,
  type FraudAssessment,
  type Page,
  type Payment,
  type RequestOptions,
  type Transaction,
  type WebhookEndpoint,
} from 'realtime-finance';
import sdk from 'realtime-finance';

const keyOptions: ClientOptions = {
  apiKey: 'sk_test_example',
  baseUrl: 'http://127.0.0.1:8787',
  timeout: 30_000,
  connectTimeout: 5_000,
  maxRetries: 3,
  ignoreEnvironmentVariables: true,
};

const oauthOptions: ClientOptions = {
  clientId: 'client_example',
  clientSecret: 'cs_test_example',
  scopes: ['transactions:read', 'payments:write'],
  clientAuthMethod: 'client_secret_post',
  tokenUrl: 'http://127.0.0.1:8787/v1/oauth/token',
  environment: 'sandbox',
  caCertPem: Buffer.from('-----BEGIN CERTIFICATE-----'),
};

async function transactions(client: Client): Promise<number> {
  const transaction: Transaction = await client.transactions.retrieve('txn_0001a9f3');
  const direction: 'credit' | 'debit' = transaction.direction;

  const firstPage: Page<Transaction> = await client.transactions.list({ limit: 5, status: 'posted' });
  const hasMore: boolean = firstPage.has_more;

  let total = 0;
  for await (const item of client.transactions.list({ created_gte: 1_700_000_000 })) {
    total += item.amount;
  }
  const some: Transaction[] = await client.transactions.list().autoPagingToArray({ limit: 50 });
  return total + some.length + (hasMore ? 1 : 0) + direction.length;
}

async function payments(client: Client): Promise<Payment> {
  const options: RequestOptions = { idempotencyKey: 'order-42', maxRetries: 1, timeout: 10_000 };
  const payment: Payment = await client.payments.create(
    {
      amount: 2500,
      currency: 'EUR',
      source_account: 'acct_alice',
      destination_account: 'acct_bob',
      description: 'Invoice 42',
      metadata: { order: '42' },
    },
    options,
  );
  const fetched: Payment = await client.payments.retrieve(payment.id);
  for await (const pending of client.payments.list({ status: 'pending', limit: 10 })) {
    if (pending.failure_code !== null) {
      break;
    }
  }
  const canceled: Payment = await client.payments.cancel(fetched.id);
  const canceledAt: number | null = canceled.canceled_at;
  return canceledAt === null ? fetched : canceled;
}

async function otherResources(client: Client): Promise<string> {
  const assessment: FraudAssessment = await client.fraud.assess({
    amount: 2500,
    currency: 'EUR',
    source_account: 'acct_alice',
    destination_account: 'acct_bob',
  });
  const decision: 'approve' | 'review' | 'decline' = assessment.decision;

  const events: Event[] = await client.events.list({ type: 'payment.succeeded' }).autoPagingToArray({ limit: 10 });
  const endpoint: WebhookEndpoint = await client.webhookEndpoints.create({
    url: 'http://127.0.0.1:9000/hooks',
    enabled_events: ['payment.succeeded'],
  });
  return `${decision} ${events.length} ${endpoint.secret ?? ''}`;
}

function describeError(error: unknown): string {
  if (error instanceof RateLimitError) {
    return `retry in ${error.retryAfter ?? 1} s`;
  }
  if (error instanceof InvalidRequestError) {
    return `invalid ${error.param ?? 'request'}`;
  }
  if (
    error instanceof AuthenticationError ||
    error instanceof PermissionError ||
    error instanceof NotFoundError ||
    error instanceof ConflictError ||
    error instanceof APIError ||
    error instanceof ConnectionError ||
    error instanceof TimeoutError ||
    error instanceof ConfigurationError ||
    error instanceof WebhookSignatureError
  ) {
    return `${error.kind}`;
  }
  if (error instanceof RealTimeFinanceError) {
    const status: number | null = error.statusCode;
    const code: string | null = error.code;
    const requestId: string | null = error.requestId;
    return `${status} ${code} ${requestId}`;
  }
  return String(error);
}

function verify(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): Event {
  const event: Event = Webhook.verify(rawBody, headers, 'whsec_c2VjcmV0', { tolerance: 300 });
  const verifier = new Webhook(['whsec_b2xk', 'whsec_bmV3']);
  const again: Event = verifier.verify(rawBody.toString('utf8'), new Headers());
  const testHeaders = Webhook.generateTestHeaders({ payload: rawBody, secret: 'whsec_c2VjcmV0' });
  return testHeaders['webhook-id'] === again.id ? again : event;
}

async function main(): Promise<void> {
  const client = new Client(keyOptions);
  const oauthClient = new sdk.Client(oauthOptions);
  try {
    await transactions(client);
    await payments(client);
    await otherResources(oauthClient);
    verify(Buffer.from('{}'), {});
  } catch (error) {
    console.error(describeError(error));
  } finally {
    client.close();
    await oauthClient[Symbol.asyncDispose]();
  }
  console.log(client.toJSON().auth, sdk.VERSION);
}

void main();
