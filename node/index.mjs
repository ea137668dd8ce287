// ES module entry point: re-exports the CommonJS module, so one set of
// classes serves both `import` and `require` and `instanceof` works across
// them.

import sdk from './index.js';

export const {
  Client,
  Webhook,
  RealTimeFinanceError,
  ConfigurationError,
  AuthenticationError,
  PermissionError,
  InvalidRequestError,
  NotFoundError,
  ConflictError,
  RateLimitError,
  APIError,
  ConnectionError,
  TimeoutError,
  WebhookSignatureError,
  VERSION,
} = sdk;

export default sdk;
