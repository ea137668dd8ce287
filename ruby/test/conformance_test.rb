# frozen_string_literal: true

require_relative "test_helper"

# Runs every scenario of tests/conformance/scenarios.json through the public
# Ruby API, as tests/conformance/README.md describes, one test per scenario.
class ConformanceTest < SandboxTest
  SCENARIOS_PATH = File.expand_path("../../tests/conformance/scenarios.json", __dir__)
  RUN_ID = SecureRandom.hex(6)
  ERROR_CLASSES_BY_KIND = RealtimeFinance::Error::CLASSES_BY_NATIVE_KIND.values.to_h { |klass| [klass::KIND, klass] }

  def run_scenario(scenario)
    @saved = { "run_id" => RUN_ID }
    stats_before = sandbox.stats if scenario["expect_stats_delta"]
    scenario_client = build_client(scenario)
    return if scenario_client.nil?

    begin
      (scenario["faults"] || []).each { |fault| add_fault(**fault.transform_keys(&:to_sym)) }
      scenario["steps"].each_with_index { |step, index| run_step(scenario_client, step, index) }
    ensure
      sandbox.clear_faults
      scenario_client.close
    end

    check_stats_delta(stats_before, scenario["expect_stats_delta"]) if stats_before
  end

  # Returns the client for the scenario's credential, or nil when building
  # it raised the error that the first step expects.
  def build_client(scenario)
    settings = { base_url: sandbox.base_url, ignore_environment: true }
    credential = scenario["credential"]
    case credential
    when "secret_key" then settings[:api_key] = sandbox.secret_key
    when "publishable_key" then settings[:api_key] = sandbox.credentials.fetch("publishable_key")
    when "oauth", "oauth_wrong_secret"
      settings[:client_id] = sandbox.credentials.fetch("client_id")
      settings[:client_secret] = credential == "oauth" ? sandbox.credentials.fetch("client_secret") : "wrong-secret"
    when Hash then settings[:api_key] = sandbox.create_key(credential.fetch("scopes"))
    else flunk "unknown credential #{credential.inspect}"
    end

    begin
      RealtimeFinance::Client.new(**settings)
    rescue RealtimeFinance::Error => e
      expected = scenario["steps"].first["expect_error"]
      raise unless expected

      check_error(e, expected, "client construction")
      nil
    end
  end

  def run_step(scenario_client, step, index)
    label = "step #{index} (#{step['call']})"
    args = substitute(step["args"] || {})
    expected_error = step["expect_error"]

    begin
      result = call(scenario_client, step["call"], args)
    rescue RealtimeFinance::Error => e
      flunk "#{label} raised #{e.inspect}" unless expected_error
      check_error(e, substitute(expected_error), label)
      return
    end
    flunk "#{label} succeeded, expected #{expected_error['kind']} error" if expected_error

    wire = JSON.parse(JSON.generate(result.is_a?(Array) ? result.map(&:to_h) : result.to_h))
    @saved[step["save_as"]] = wire if step["save_as"]
    check_result(wire, substitute(step), label)
  end

  def call(scenario_client, operation, args)
    params = (args["params"] || {}).transform_keys(&:to_sym)
    options = { max_retries: args["max_retries"] }.compact
    create_options = options.merge(idempotency_key: args["idempotency_key"]).compact

    case operation
    when "transactions.retrieve" then scenario_client.transactions.retrieve(args.fetch("id"), **options)
    when "payments.retrieve" then scenario_client.payments.retrieve(args.fetch("id"), **options)
    when "payments.cancel" then scenario_client.payments.cancel(args.fetch("id"), **options)
    when "transactions.list", "payments.list", "events.list"
      resource = scenario_client.public_send(operation.split(".").first)
      resource.list(**options, **params).first(args.fetch("max_items"))
    when "payments.create" then scenario_client.payments.create(**create_options, **params)
    when "fraud.assess" then scenario_client.fraud.assess(**create_options, **params)
    when "webhook_endpoints.create" then scenario_client.webhook_endpoints.create(**create_options, **params)
    when "webhook.verify" then verify_webhook(args)
    else flunk "unknown call #{operation.inspect}"
    end
  end

  def verify_webhook(args)
    payload = args.fetch("payload")
    headers = args["headers"]
    if (sign = args["sign"])
      headers = IndependentSigner.headers(sign.fetch("secret"), sign.fetch("payload", payload),
                                          message_id: sign.fetch("id"),
                                          timestamp: Time.now.to_i + sign.fetch("timestamp_offset", 0))
    end
    RealtimeFinance::Webhook.verify(payload, headers, args.fetch("secrets"), tolerance: args["tolerance"])
  end

  def check_error(error, expected, label)
    assert_instance_of ERROR_CLASSES_BY_KIND.fetch(expected.fetch("kind")), error, "#{label}: #{error.inspect}"
    %w[http_status code param].each do |field|
      next unless expected.key?(field)

      assert_equal expected[field], error.public_send(field), "#{label}: #{field} of #{error.inspect}"
    end
  end

  def check_result(wire, step, label)
    (step["expect"] || {}).each do |field, value|
      assert_equal value, wire[field], "#{label}: field #{field}"
    end
    (step["expect_prefix"] || {}).each do |field, prefix|
      assert wire[field].to_s.start_with?(prefix), "#{label}: #{field} #{wire[field].inspect} lacks prefix #{prefix}"
    end
    assert_equal step["expect_count"], wire.size, "#{label}: count" if step["expect_count"]
    assert_operator wire.size, :>=, step["expect_min_count"], "#{label}: count" if step["expect_min_count"]
    (step["expect_all"] || {}).each do |field, value|
      wire.each { |element| assert_equal value, element[field], "#{label}: #{field} of #{element['id']}" }
    end
    return unless step["expect_unique"]

    values = wire.map { |element| element[step["expect_unique"]] }
    assert_equal values.uniq, values, "#{label}: #{step['expect_unique']} repeats"
  end

  def check_stats_delta(before, expected)
    after = sandbox.stats
    expected.each do |counter, value|
      if value.is_a?(Hash)
        value.each do |route, count|
          delta = after[counter].fetch(route, 0) - before[counter].fetch(route, 0)
          assert_equal count, delta, "stats #{counter} #{route}"
        end
      else
        assert_equal value, after[counter] - before[counter], "stats #{counter}"
      end
    end
  end

  # Replaces `${name.path}` references with saved values: a whole-string
  # reference keeps the saved value's type, an embedded one is interpolated.
  def substitute(value)
    case value
    when Hash then value.transform_values { |element| substitute(element) }
    when Array then value.map { |element| substitute(element) }
    when /\A\$\{([^}]+)\}\z/ then lookup(Regexp.last_match(1))
    when String then value.gsub(/\$\{([^}]+)\}/) { lookup(Regexp.last_match(1)).to_s }
    else value
    end
  end

  def lookup(reference)
    name, *path = reference.split(".")
    flunk "no saved value #{name.inspect}" unless @saved.key?(name)
    path.reduce(@saved[name]) { |current, key| current.is_a?(Array) ? current.fetch(Integer(key)) : current.fetch(key) }
  end

  JSON.parse(File.read(SCENARIOS_PATH)).fetch("scenarios").each do |scenario|
    define_method("test_#{scenario.fetch('name')}") { run_scenario(scenario) }
  end
end
