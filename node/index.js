'use strict';

// CommonJS entry point of the realtime-finance package. index.mjs
// re-exports these same objects, so classes are identical under both
// `require` and `import`.

require('./lib/logging');

const { Client } = require('./lib/client');
const { Webhook } = require('./lib/webhook');
const errors = require('./lib/errors');
const { version } = require('./package.json');

module.exports = {
  Client,
  Webhook,
  RealTimeFinanceError: errors.RealTimeFinanceError,
  ConfigurationError: errors.ConfigurationError,
  AuthenticationError: errors.AuthenticationError,
  PermissionError: errors.PermissionError,
  InvalidRequestError: errors.InvalidRequestError,
  NotFoundError: errors.NotFoundError,
  ConflictError: errors.ConflictError,
  RateLimitError: errors.RateLimitError,
  APIError: errors.APIError,
  ConnectionError: errors.ConnectionError,
  TimeoutError: errors.TimeoutError,
  WebhookSignatureError: errors.WebhookSignatureError,
  VERSION: version,
};
module.exports.default = module.exports;
