# frozen_string_literal: true

require "minitest/autorun"
require "io/wait"
require "json"
require "net/http"
require "securerandom"
require "tmpdir"
require "uri"
require "realtime_finance"

# A local sandbox (`rtf sandbox --port 0`) run as a child process, with
# helpers for its `/_sandbox/` admin API. Every test talks to it over real
# loopback sockets.
class Sandbox
  STARTUP_TIMEOUT_SECONDS = 60

  # The sandbox shared by the whole run, started on first use and stopped
  # when minitest finishes.
  def self.shared
    @shared ||= start
  end

  # Starts a sandbox with extra `rtf sandbox` arguments; it stops when
  # minitest finishes.
  def self.start(*arguments)
    sandbox = new(*arguments)
    Minitest.after_run { sandbox.stop }
    sandbox
  end

  # The parsed first stdout line: base_url, secret_key, publishable_key,
  # client_id, client_secret, webhook_secret, admin_token, ca_cert.
  attr_reader :credentials

  def initialize(*arguments)
    binary = ENV.fetch("RTF_BIN", File.expand_path("../../target/debug/rtf", __dir__))
    unless File.executable?(binary)
      raise "rtf not found at #{binary}; run `cargo build -p realtime-finance-cli` or set RTF_BIN"
    end

    @log_path = File.join(Dir.tmpdir, "rtf-sandbox-ruby-#{Process.pid}-#{SecureRandom.hex(4)}.log")
    reader, writer = IO.pipe
    @pid = Process.spawn(binary, "sandbox", "--port", "0", *arguments, in: File::NULL, out: writer, err: @log_path)
    writer.close

    line = reader.wait_readable(STARTUP_TIMEOUT_SECONDS) && reader.gets
    unless line
      stop
      raise "rtf sandbox printed no credentials line within #{STARTUP_TIMEOUT_SECONDS} s; its log is #{@log_path}"
    end

    @credentials = JSON.parse(line)
    # Reads the rest of stdout so the sandbox never blocks on a full pipe.
    @stdout_drain = Thread.new { reader.each_line { nil } }
  end

  def stop
    return unless @pid

    begin
      Process.kill("TERM", @pid)
      Process.wait(@pid)
    rescue Errno::ESRCH, Errno::ECHILD
      nil
    end
    @pid = nil
  end

  def base_url
    credentials.fetch("base_url")
  end

  def secret_key
    credentials.fetch("secret_key")
  end

  # Returns a client for this sandbox that ignores `REALTIME_FINANCE_*`
  # variables; `settings` override the secret key and base URL.
  def client(**settings)
    RealtimeFinance::Client.new(api_key: secret_key, base_url: base_url, ignore_environment: true, **settings)
  end

  # Returns an OAuth client for this sandbox's default OAuth credentials.
  def oauth_client(**settings)
    RealtimeFinance::Client.new(client_id: credentials.fetch("client_id"),
                                client_secret: credentials.fetch("client_secret"),
                                base_url: base_url, ignore_environment: true, **settings)
  end

  # Sends one admin API request and returns the parsed JSON body; raises
  # on a non-2xx status.
  def admin(method, path, body = nil)
    uri = URI("#{base_url}#{path}")
    request = Net::HTTP.const_get(method.to_s.capitalize).new(uri)
    request["Authorization"] = "Bearer #{credentials.fetch('admin_token')}"
    if body
      request["Content-Type"] = "application/json"
      request.body = JSON.generate(body)
    end

    # A nil proxy address keeps Net::HTTP from sending loopback traffic to a
    # proxy named by http_proxy.
    http = Net::HTTP.new(uri.host, uri.port, nil)
    http.use_ssl = uri.scheme == "https"
    http.ca_file = credentials["ca_cert"] if http.use_ssl?
    http.open_timeout = 5
    http.read_timeout = 30
    response = http.start { |connection| connection.request(request) }
    unless response.is_a?(Net::HTTPSuccess)
      raise "admin #{method.upcase} #{path} failed with #{response.code}: #{response.body}"
    end

    JSON.parse(response.body)
  end

  def stats
    admin(:get, "/_sandbox/stats")
  end

  # Adds a fault (fields as `POST /_sandbox/faults` takes them).
  def add_fault(**fault)
    admin(:post, "/_sandbox/faults", fault)
  end

  def clear_faults
    admin(:delete, "/_sandbox/faults")
  end

  # Creates an API key with only `scopes`; returns its secret.
  def create_key(scopes)
    admin(:post, "/_sandbox/keys", { scopes: scopes }).fetch("secret_key")
  end

  # Creates an OAuth client; returns its `client_id` and `client_secret`.
  def create_oauth_client(scopes:, token_ttl_seconds: nil)
    admin(:post, "/_sandbox/oauth_clients", { scopes: scopes, token_ttl_seconds: token_ttl_seconds }.compact)
  end

  # Returns how a counter of `GET /_sandbox/stats` changed across the block.
  # `path` is a list of keys, such as `["requests", "POST /v1/payments"]`; a
  # missing counter counts as 0.
  def stats_delta(*path)
    before = stats.dig(*path) || 0
    yield
    (stats.dig(*path) || 0) - before
  end
end

# Signs webhook payloads with the Standard Webhooks scheme using only
# OpenSSL from Ruby's standard library, independently of the Rust core.
module IndependentSigner
  require "base64"
  require "openssl"

  def self.signature(secret, message_id, timestamp, payload)
    key = Base64.strict_decode64(secret.delete_prefix("whsec_"))
    digest = OpenSSL::HMAC.digest("SHA256", key, "#{message_id}.#{timestamp}.#{payload}")
    "v1,#{Base64.strict_encode64(digest)}"
  end

  # Returns the three delivery headers for `payload`, signed at `timestamp`.
  def self.headers(secret, payload, message_id: "msg_#{SecureRandom.hex(8)}", timestamp: Time.now.to_i)
    {
      "webhook-id" => message_id,
      "webhook-timestamp" => timestamp.to_s,
      "webhook-signature" => signature(secret, message_id, timestamp, payload)
    }
  end
end

# Shared setup for tests that use the shared sandbox.
class SandboxTest < Minitest::Test
  def sandbox
    Sandbox.shared
  end

  def client
    @client ||= sandbox.client
  end

  # The id of a seeded transaction.
  def seeded_transaction_id
    self.class.seeded_transaction_id(sandbox)
  end

  def self.seeded_transaction_id(sandbox)
    @seeded_transaction_id ||= sandbox.client.then do |client|
      client.transactions.list(limit: 1).first.id
    ensure
      client.close
    end
  end

  def teardown
    @client&.close
    sandbox.clear_faults if @faults_added
    super
  end

  def add_fault(**fault)
    @faults_added = true
    sandbox.add_fault(**fault)
  end

  def payment_params(**overrides)
    { amount: 2500, currency: "EUR", source_account: "acct_alice", destination_account: "acct_bob" }.merge(overrides)
  end
end
