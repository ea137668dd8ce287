from __future__ import annotations

import pytest

import realtime_finance
from realtime_finance import Client, Transaction

from conftest import Sandbox, route_delta


def test_retrieve_listed_transaction(client: Client) -> None:
    first = next(client.transactions.list(limit=1))
    fetched = client.transactions.retrieve(first.id)
    assert isinstance(fetched, Transaction)
    assert fetched == first
    assert fetched.id.startswith("txn_")
    assert isinstance(fetched.amount, int)


def test_to_dict_is_wire_form(client: Client) -> None:
    transaction = next(client.transactions.list(limit=1))
    data = transaction.to_dict()
    assert data["object"] == "transaction"
    assert data["id"] == transaction.id
    assert data["amount"] == transaction.amount
    assert set(data) >= {"currency", "status", "direction", "account", "created"}


def test_object_attribute_from_core(client: Client) -> None:
    transaction = next(client.transactions.list(limit=1))
    assert transaction.object == "transaction"


def test_repr_names_fields(client: Client) -> None:
    transaction = next(client.transactions.list(limit=1))
    text = repr(transaction)
    assert text.startswith("Transaction(")
    assert f"id={transaction.id!r}" in text
    assert f"amount={transaction.amount}" in text


def test_list_crosses_pages(client: Client) -> None:
    ids = []
    for transaction in client.transactions.list(limit=7):
        ids.append(transaction.id)
        if len(ids) == 25:
            break
    assert len(ids) == 25
    assert len(set(ids)) == 25


def test_list_filter_every_page(client: Client) -> None:
    statuses = []
    for transaction in client.transactions.list(limit=10, status="posted"):
        statuses.append(transaction.status)
        if len(statuses) == 20:
            break
    assert len(statuses) == 20
    assert set(statuses) == {"posted"}


def test_list_pages_size(client: Client) -> None:
    pages = client.transactions.list(limit=5).pages()
    first = next(pages)
    second = next(pages)
    assert len(first) == 5
    assert len(second) == 5
    assert not {t.id for t in first} & {t.id for t in second}


def test_list_ends(client: Client) -> None:
    newest = next(client.transactions.list(limit=1))
    remaining = list(client.transactions.list(limit=100, created_gte=newest.created))
    assert newest.id in {t.id for t in remaining}
    assert all(t.created >= newest.created for t in remaining)


def test_limit_rejected_before_request(sandbox: Sandbox, client: Client) -> None:
    before = sandbox.stats()
    with pytest.raises(realtime_finance.InvalidRequestError) as caught:
        next(client.transactions.list(limit=101))
    assert caught.value.param == "limit"
    assert route_delta(before, sandbox.stats(), "GET /v1/transactions") == 0


def test_retrieve_missing(client: Client) -> None:
    with pytest.raises(realtime_finance.NotFoundError) as caught:
        client.transactions.retrieve("txn_doesnotexist")
    error = caught.value
    assert error.http_status == 404
    assert error.code == "resource_missing"
    assert error.param == "id"
    assert error.request_id is not None
    assert error.request_id.startswith("req_")
