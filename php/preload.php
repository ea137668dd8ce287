<?php

declare(strict_types=1);

// opcache.preload script for PHP-FPM and other web SAPIs, where the default
// ffi.enable=preload allows FFI only in preloaded code: it loads the native
// library once per server start into the FFI scope that the SDK then uses.
//
//   opcache.preload=/path/to/realtime-finance/preload.php
//
// PHP rejects FFI::load() together with opcache.preload_user, which a server
// started as root must set. There, use ffi.preload with the header that
// scripts/build.sh writes instead of this script:
//
//   ffi.preload=/path/to/realtime-finance/lib/realtime_finance.ffi.h

require __DIR__ . '/autoload.php';

\RealtimeFinance\Internal\Native::preload();
