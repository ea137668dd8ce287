# frozen_string_literal: true

require_relative "lib/realtime_finance/version"

Gem::Specification.new do |spec|
  spec.name = "realtime_finance"
  spec.version = RealtimeFinance::VERSION
  spec.summary = "Ruby SDK for the Real Time Finance API"
  spec.description = "Transactions, payments, fraud assessments, events and webhook verification for the " \
                     "Real Time Finance API, on the SDK's Rust core through its C ABI."
  spec.authors = ["Real Time Finance"]
  spec.license = "Apache-2.0"
  spec.homepage = "https://github.com/realtime-finance/realtime-finance-sdk"
  spec.required_ruby_version = ">= 3.0"

  spec.files = Dir["lib/**/*.rb", "README.md"]
  spec.require_paths = ["lib"]
  spec.add_dependency "ffi", "~> 1.15"

  # scripts/test.sh copies the native library here before `gem build`. A gem
  # that bundles it only runs on the platform it was built for.
  native_libraries = Dir["lib/realtime_finance/native/*.{so,dylib,dll}"]
  unless native_libraries.empty?
    spec.files += native_libraries
    spec.platform = Gem::Platform.local
  end
end
