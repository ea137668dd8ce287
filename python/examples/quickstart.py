"""Fetch one transaction and print it, or print the error and exit with status 1.

The classic ``requests`` version of this script builds the URL, the
``Authorization`` header and the error handling by hand::

    response = requests.get(
        f"{base_url}/v1/transactions/{transaction_id}",
        headers={"Authorization": f"Bearer {os.environ['REALTIME_FINANCE_SECRET_KEY']}"},
    )
    response.raise_for_status()
    print(response.json())

With the SDK, the client reads ``REALTIME_FINANCE_SECRET_KEY`` (and
``REALTIME_FINANCE_BASE_URL``, for example a local sandbox's) itself, retries
what is safe to retry, and raises one exception class per kind of error.

Usage: python quickstart.py [TRANSACTION_ID]
Without an id, it fetches the newest transaction.
"""

from __future__ import annotations

import sys
from typing import List

import realtime_finance


def main(arguments: List[str]) -> int:
    try:
        with realtime_finance.Client() as client:
            if len(arguments) > 1:
                transaction_id = arguments[1]
            else:
                newest = next(client.transactions.list(limit=1), None)
                if newest is None:
                    print("error: the account has no transactions; pass a transaction id", file=sys.stderr)
                    return 1
                transaction_id = newest.id
            transaction = client.transactions.retrieve(transaction_id)
    except realtime_finance.RealTimeFinanceError as error:
        print(f"error: {type(error).__name__}: {error}", file=sys.stderr)
        return 1

    # Amounts are integers in minor units of the currency (cents for EUR).
    print(f"{transaction.id}: {transaction.direction} of {transaction.amount} minor units of {transaction.currency}")
    print(transaction)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
