# frozen_string_literal: true

# Checks an installed realtime_finance gem from a fresh process: the gem's
# bundled library loads (not a build tree's), and a call reaches a sandbox
# that this script starts. Usage: ruby smoke.rb GEM_HOME
require "json"
require "io/wait"
require "realtime_finance"

gem_home = File.realpath(ARGV.fetch(0))
library = File.realpath(RealtimeFinance::Native::LIBRARY_PATH)
unless library.start_with?(gem_home)
  abort "smoke: loaded #{library}, expected the library bundled in the gem under #{gem_home}"
end

reader, writer = IO.pipe
sandbox = Process.spawn(ENV.fetch("RTF_BIN"), "sandbox", "--port", "0", in: File::NULL, out: writer, err: File::NULL)
writer.close
begin
  line = reader.wait_readable(60) && reader.gets
  abort "smoke: rtf sandbox printed no credentials line within 60 s" unless line
  credentials = JSON.parse(line)

  transaction = RealtimeFinance::Client.open(api_key: credentials.fetch("secret_key"),
                                             base_url: credentials.fetch("base_url"),
                                             ignore_environment: true) do |client|
    client.transactions.list(limit: 1).first
  end
  puts "smoke: realtime_finance #{RealtimeFinance::VERSION} (core #{RealtimeFinance.native_version}) " \
       "from #{library} fetched #{transaction.id}"
ensure
  Process.kill("TERM", sandbox)
  Process.wait(sandbox)
end
