<?php

declare(strict_types=1);

// opcache.preload script for PHP-FPM and other web SAPIs, where the default
// ffi.enable=preload allows FFI only in preloaded code: it loads the native
// library once per server start into the FFI scope that the SDK then uses.
//
//   opcache.preload=/path/to/realtime-finance/preload.php
//   opcache.preload_user=www-data

require __DIR__ . '/autoload.php';

\RealtimeFinance\Internal\Native::preload();
