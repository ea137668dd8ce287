<?php

// Fetches one transaction from the Real Time Finance API and prints it.
//
//   REALTIME_FINANCE_SECRET_KEY=sk_test_... REALTIME_FINANCE_BASE_URL=http://127.0.0.1:8787 \
//       php examples/quickstart.php
//
// With Composer, require vendor/autoload.php instead of autoload.php.

declare(strict_types=1);

require __DIR__ . '/../autoload.php';

use RealtimeFinance\Client;
use RealtimeFinance\Exception\RealTimeFinanceException;

try {
    // Reads REALTIME_FINANCE_SECRET_KEY and REALTIME_FINANCE_BASE_URL.
    $client = new Client();

    $latest = null;
    foreach ($client->transactions->list(['limit' => 1]) as $transaction) {
        $latest = $transaction;
        break;
    }
    if ($latest === null) {
        fwrite(STDERR, "No transactions yet.\n");
        exit(1);
    }

    $transaction = $client->transactions->retrieve($latest->id);
    printf(
        "%s: %s of %d %s minor units (%s, %s)\n",
        $transaction->id,
        $transaction->direction,
        $transaction->amount,
        $transaction->currency,
        $transaction->status,
        $transaction->description ?? 'no description',
    );
} catch (RealTimeFinanceException $error) {
    fprintf(
        STDERR,
        "%s: %s (HTTP status %s, code %s)\n",
        $error::class,
        $error->getMessage(),
        $error->getHttpStatus() ?? 'none',
        $error->getErrorCode() ?? 'none',
    );
    exit(1);
}
