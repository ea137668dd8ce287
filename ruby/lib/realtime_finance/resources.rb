# frozen_string_literal: true

module RealtimeFinance
  # The calls of one API resource, reached through a Client
  # (`client.payments`). Parameters are keyword arguments named as in the
  # API (`amount:`, `currency:`, ...); the core checks them before sending
  # and raises InvalidRequestError naming the field.
  #
  # Every call also takes these request options:
  # - timeout: total seconds (Numeric) for this call across retries.
  # - max_retries: retries after the first attempt for this call.
  # Create calls take `idempotency_key:` too; without it the core generates
  # one per call and reuses it on every retry of that call.
  class Resource
    # @api private
    def initialize(client)
      @client = client
    end

    def inspect
      "#<#{self.class.name}>"
    end

    private

    def call(operation, object_class, params, options)
      object_class.construct(@client.call_operation(operation, params, options))
    end

    def paginate(operation, object_class, params, options)
      Paginator.new(@client, operation, object_class, params, options)
    end
  end

  # `client.transactions`: `GET /v1/transactions`.
  class Transactions < Resource
    # Fetches one Transaction by its `txn_` id. Raises NotFoundError when
    # there is none.
    def retrieve(id, timeout: nil, max_retries: nil)
      call("transactions.retrieve", Transaction, { id: id }, { timeout: timeout, max_retries: max_retries })
    end

    # Returns a Paginator over every matching Transaction, newest first.
    # Filters: `limit` (page size, 1 to 100), `status`, `created_gte`,
    # `created_lte` (Unix seconds).
    def list(timeout: nil, max_retries: nil, **params)
      paginate("transactions.list", Transaction, params, { timeout: timeout, max_retries: max_retries })
    end
  end

  # `client.payments`: `/v1/payments`.
  class Payments < Resource
    # Creates a Payment from `amount` (Integer minor units), `currency`,
    # `source_account`, `destination_account` and optional `description`
    # and `metadata` (a Hash of Strings). A retried call with the same
    # `idempotency_key` never creates a second payment.
    def create(idempotency_key: nil, timeout: nil, max_retries: nil, **params)
      options = { idempotency_key: idempotency_key, timeout: timeout, max_retries: max_retries }
      call("payments.create", Payment, params, options)
    end

    # Fetches one Payment by its `pay_` id.
    def retrieve(id, timeout: nil, max_retries: nil)
      call("payments.retrieve", Payment, { id: id }, { timeout: timeout, max_retries: max_retries })
    end

    # Returns a Paginator over every matching Payment, newest first.
    # Filters: `limit`, `status`.
    def list(timeout: nil, max_retries: nil, **params)
      paginate("payments.list", Payment, params, { timeout: timeout, max_retries: max_retries })
    end

    # Cancels a pending Payment and returns it. Raises ConflictError (code
    # `payment_not_cancelable`) when it is no longer pending.
    def cancel(id, idempotency_key: nil, timeout: nil, max_retries: nil)
      options = { idempotency_key: idempotency_key, timeout: timeout, max_retries: max_retries }
      call("payments.cancel", Payment, { id: id }, options)
    end
  end

  # `client.fraud`: `POST /v1/fraud/assessments`.
  class Fraud < Resource
    # Scores a prospective or existing payment and returns a
    # FraudAssessment. Takes the payment's `amount`, `currency`,
    # `source_account`, `destination_account` and optional `payment` id.
    def assess(idempotency_key: nil, timeout: nil, max_retries: nil, **params)
      options = { idempotency_key: idempotency_key, timeout: timeout, max_retries: max_retries }
      call("fraud.assess", FraudAssessment, params, options)
    end
  end

  # `client.events`: `GET /v1/events`.
  class Events < Resource
    # Returns a Paginator over every matching Event, newest first. Filters:
    # `limit`, `type` (such as `"payment.succeeded"`).
    def list(timeout: nil, max_retries: nil, **params)
      paginate("events.list", Event, params, { timeout: timeout, max_retries: max_retries })
    end
  end

  # `client.webhook_endpoints`: `POST /v1/webhook_endpoints`.
  class WebhookEndpoints < Resource
    # Registers a WebhookEndpoint for `url`, with optional `enabled_events`
    # (Array of event types, default all) and `description`. The result's
    # `secret` verifies its deliveries; it is returned only here.
    def create(idempotency_key: nil, timeout: nil, max_retries: nil, **params)
      options = { idempotency_key: idempotency_key, timeout: timeout, max_retries: max_retries }
      call("webhook_endpoints.create", WebhookEndpoint, params, options)
    end
  end
end
