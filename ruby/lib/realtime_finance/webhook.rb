# frozen_string_literal: true

require "json"

module RealtimeFinance
  # Verification of webhook deliveries (the Standard Webhooks scheme:
  # `webhook-id`, `webhook-timestamp` and `webhook-signature` headers over
  # the raw body). The core does the cryptography.
  module Webhook
    # Checks the signature and timestamp of a delivery and returns the Event
    # it carries.
    #
    # - payload: the raw request body String, exactly as received (read it
    #   with `request.body.read`; parsed and re-serialized JSON does not
    #   verify).
    # - headers: a Hash of header names to values: a Rack env (`HTTP_WEBHOOK_ID`
    #   keys), `request.headers` of Rails, or plain names in any case.
    # - secret: the endpoint's `whsec_...` secret, or an Array of them while
    #   a secret is being rotated.
    # - tolerance: seconds the timestamp may differ from the local clock,
    #   in either direction; nil uses the core's default of 300.
    #
    # Raises WebhookSignatureError when a header is missing or malformed,
    # the timestamp is outside the tolerance, or no signature matches;
    # ConfigurationError for a secret that is not `whsec_` plus base64.
    def self.verify(payload, headers, secret, tolerance: nil)
      # The C ABI reads a tolerance of 0 or less as "use the default", so
      # such a value cannot be passed through.
      if tolerance && tolerance <= 0
        raise ArgumentError, "tolerance must be a positive number of seconds, got #{tolerance.inspect}"
      end

      payload = payload.to_s
      buffer = FFI::MemoryPointer.new(:uint8, [payload.bytesize, 1].max)
      buffer.put_bytes(0, payload)
      secrets = Array(secret).map(&:to_s)

      pointer = Native.call_with_result(:rtf_webhook_verify, buffer, payload.bytesize,
                                        JSON.generate(header_hash(headers)), JSON.generate(secrets),
                                        tolerance ? Integer(tolerance.ceil) : 0)
      Event.construct(Native.take_json(pointer))
    end

    # Converts Rack env keys (`HTTP_WEBHOOK_ID`) to header names
    # (`webhook-id`), keeps other String-valued entries as they are and
    # drops the rest of a Rack env (such as `rack.input`).
    def self.header_hash(headers)
      headers.each_with_object({}) do |(name, value), converted|
        next unless value.is_a?(String)

        name = name.to_s
        name = name.delete_prefix("HTTP_").downcase.tr("_", "-") if name.start_with?("HTTP_")
        converted[name] = value
      end
    end
    private_class_method :header_hash
  end
end
