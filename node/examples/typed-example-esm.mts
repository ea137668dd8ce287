// Type-checks the declarations as an ES module sees them (`import` of the
// package's CommonJS entry through index.mjs); compiled, never run.

import sdk, { Client, NotFoundError, type Transaction } from 'realtime-finance';

const client: Client = new sdk.Client({ apiKey: 'sk_test_example', baseUrl: 'http://127.0.0.1:8787' });
try {
  const transaction: Transaction = await client.transactions.retrieve('txn_0001a9f3');
  console.log(transaction.object, transaction.amount);
} catch (error) {
  if (error instanceof NotFoundError) {
    console.log(error.param);
  }
} finally {
  client.close();
}
