// Fetches one transaction and prints it, or prints the error and exits 1.
//
//   REALTIME_FINANCE_SECRET_KEY=sk_test_... REALTIME_FINANCE_BASE_URL=http://127.0.0.1:PORT \
//     node examples/quickstart.mjs [txn_id]
//
// Without an id it fetches the newest transaction. Start a local sandbox with
// `rtf sandbox`; its first output line has the key and the base URL.

import { Client, RealTimeFinanceError } from 'realtime-finance';

for (const name of ['REALTIME_FINANCE_SECRET_KEY', 'REALTIME_FINANCE_BASE_URL']) {
  if (!process.env[name]) {
    console.error(`${name} is not set; start a sandbox with \`rtf sandbox\` and copy secret_key and base_url from its first line`);
    process.exit(1);
  }
}

// The client reads both variables itself.
const client = new Client();
try {
  let transactionId = process.argv[2];
  if (transactionId === undefined) {
    const [newest] = await client.transactions.list({ limit: 1 }).autoPagingToArray({ limit: 1 });
    transactionId = newest?.id;
  }
  if (transactionId === undefined) {
    console.error('The account has no transactions to show.');
    process.exitCode = 1;
  } else {
    const transaction = await client.transactions.retrieve(transactionId);
    console.log(
      `${transaction.id}: ${transaction.direction} ${transaction.amount} ${transaction.currency} ` +
        `(${transaction.status}) ${transaction.description ?? ''}`,
    );
    console.log(transaction);
  }
} catch (error) {
  if (!(error instanceof RealTimeFinanceError)) {
    throw error;
  }
  console.error(`Request failed: ${error.name}: ${error.message}`);
  process.exitCode = 1;
} finally {
  client.close();
}
