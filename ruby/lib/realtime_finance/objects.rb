# frozen_string_literal: true

module RealtimeFinance
  # The base of every API result: a frozen value with one reader per field,
  # `[]` for any field by name, `to_h` and an `inspect` that hides secrets.
  #
  # Fields keep the API's JSON types: amounts and `created` are Integers
  # (minor units and Unix seconds), statuses are Strings. Fields that a newer
  # API adds are kept and readable through `[]` and `to_h`.
  class APIObject
    class << self
      # The field names that get a reader, in `inspect` order.
      attr_reader :fields

      # Builds an instance from the parsed JSON of one object.
      def construct(values)
        new(values)
      end

      private

      def field(*names)
        @fields = (@fields || []) + names
        names.each do |name|
          define_method(name) { @values[name] }
        end
      end

      # Fields whose value `inspect` replaces with `[REDACTED]`.
      def secret_field(*names)
        field(*names)
        @secret_fields = (@secret_fields || []) + names
      end

      # Converts the raw JSON value of field `name` when constructing, for
      # nested objects.
      def convert(name, &block)
        @converters = (@converters || {}).merge(name => block)
      end

      public

      def secret_fields
        @secret_fields || []
      end

      def converters
        @converters || {}
      end
    end

    def initialize(values)
      converters = self.class.converters
      @values = values.each_with_object({}) do |(key, value), converted|
        name = key.to_sym
        converter = converters[name]
        converted[name] = converter && !value.nil? ? converter.call(value) : value
      end.freeze
      freeze
    end

    # Returns the field `name` (a Symbol or String), or nil when absent.
    def [](name)
      @values[name.to_sym]
    end

    # Returns the fields as a Hash with Symbol keys, in the API's wire form:
    # nested objects become Hashes. Secrets are included, because a caller
    # reads them from here.
    def to_h
      @values.transform_values { |value| self.class.plain_value(value) }
    end

    def to_json(*args)
      to_h.to_json(*args)
    end

    def ==(other)
      other.instance_of?(self.class) && other.to_h == to_h
    end
    alias eql? ==

    def hash
      [self.class, @values].hash
    end

    def inspect
      names = self.class.fields + (@values.keys - self.class.fields)
      rendered = names.select { |name| @values.key?(name) }.map do |name|
        value = self.class.secret_fields.include?(name) && !@values[name].nil? ? "[REDACTED]" : @values[name].inspect
        "#{name}=#{value}"
      end
      "#<#{self.class.name} #{rendered.join(' ')}>"
    end
    alias to_s inspect

    def self.plain_value(value)
      case value
      when APIObject then value.to_h
      when Array then value.map { |element| plain_value(element) }
      else value
      end
    end
  end

  # A posted or pending movement of money on an account. `amount` is in
  # minor units of `currency` and always positive; `direction` (`"credit"`
  # or `"debit"`) gives the sign.
  class Transaction < APIObject
    field :object, :id, :amount, :currency, :status, :direction, :account, :counterparty, :description, :created
  end

  # A transfer of money between two accounts. `status` is `"pending"`,
  # `"succeeded"`, `"failed"` or `"canceled"`; `failure_code` is set when
  # it failed.
  class Payment < APIObject
    field :object, :id, :amount, :currency, :status, :source_account, :destination_account, :description, :metadata,
          :failure_code, :created, :canceled_at
  end

  # One rule that contributed to a fraud risk score.
  class FraudReason < APIObject
    field :code, :message
  end

  # The fraud engine's verdict: `risk_score` 0 to 100 and `decision`
  # `"approve"`, `"review"` or `"decline"`.
  class FraudAssessment < APIObject
    field :object, :id, :risk_score, :decision, :reasons, :amount, :currency, :source_account, :destination_account,
          :payment, :created
    convert(:reasons) { |reasons| reasons.map { |reason| FraudReason.construct(reason) } }
  end

  # A URL that receives signed event deliveries. `secret` (`whsec_...`) is
  # returned only by `create`, and `inspect` hides it.
  class WebhookEndpoint < APIObject
    field :object, :id, :url, :enabled_events, :description
    secret_field :secret
    field :status, :created
  end

  # The resource an event is about. `object` is a typed object (such as a
  # Payment) when its `"object"` field names a known type, else a Hash.
  class EventData < APIObject
    field :object
    convert(:object) { |object| APIObject.typed(object) }
  end

  # Something that happened to a resource, from `client.events.list` or a
  # verified webhook. `type` is a String such as `"payment.succeeded"`.
  class Event < APIObject
    field :object, :id, :type, :created, :data
    convert(:data) { |data| EventData.construct(data) }
  end

  class APIObject
    # Result classes by the API's `object` field.
    CLASSES_BY_OBJECT_TYPE = {
      "transaction" => Transaction,
      "payment" => Payment,
      "fraud_assessment" => FraudAssessment,
      "event" => Event,
      "webhook_endpoint" => WebhookEndpoint
    }.freeze

    # Builds the typed object for a parsed JSON Hash by its `object` field;
    # returns other values unchanged.
    def self.typed(value)
      return value unless value.is_a?(Hash)

      klass = CLASSES_BY_OBJECT_TYPE[value["object"]]
      klass ? klass.construct(value) : value
    end
  end
end
