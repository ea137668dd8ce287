"""AsyncClient: runs on the caller's event loop without blocking it."""

from __future__ import annotations

import asyncio
import time
from typing import AsyncIterator, Tuple, TypeVar

import pytest

import realtime_finance
from realtime_finance import AsyncClient

from conftest import Sandbox

T = TypeVar("T")


@pytest.mark.asyncio
async def test_retrieve_and_list(sandbox: Sandbox) -> None:
    async with sandbox.async_client() as client:
        listed = [t async for _, t in _take(client.transactions.list(limit=3), 3)]
        first = listed[0]
        fetched = await client.transactions.retrieve(first.id)
    assert len(listed) == 3
    assert fetched == first


@pytest.mark.asyncio
async def test_gather_many_calls(sandbox: Sandbox) -> None:
    async with sandbox.async_client() as client:
        first = [t async for _, t in _take(client.transactions.list(limit=20), 20)]
        results = await asyncio.gather(*(client.transactions.retrieve(t.id) for t in first * 5))
    assert len(results) == 100
    assert [r.id for r in results] == [t.id for t in first * 5]


@pytest.mark.asyncio
async def test_loop_not_blocked(sandbox: Sandbox) -> None:
    sandbox.add_fault(method="GET", path="/v1/transactions/*", count=1, action="delay", delay_ms=1000)
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    async with sandbox.async_client() as client:
        task = asyncio.create_task(ticker())
        started = time.monotonic()
        with pytest.raises(realtime_finance.NotFoundError):
            await client.transactions.retrieve("txn_doesnotexist")
        elapsed = time.monotonic() - started
        task.cancel()
    assert elapsed >= 0.9
    # A blocked loop would tick at most once; a free one about 100 times.
    assert ticks >= 20


@pytest.mark.asyncio
async def test_payments_fraud_webhooks(sandbox: Sandbox) -> None:
    async with sandbox.async_client() as client:
        payment = await client.payments.create(
            amount=2500, currency="EUR", source_account="acct_alice", destination_account="acct_stays_pending"
        )
        canceled = await client.payments.cancel(payment.id)
        fetched = await client.payments.retrieve(payment.id)
        listed = [p.id async for _, p in _take(client.payments.list(limit=5), 5)]
        assessment = await client.fraud.assess(
            amount=500, currency="EUR", source_account="acct_alice", destination_account="acct_bob"
        )
        events = [e async for _, e in _take(client.events.list(limit=5, type="payment.created"), 5)]
        endpoint = await client.webhook_endpoints.create(url="http://127.0.0.1:9/async")
    assert canceled.status == "canceled"
    assert fetched.status == "canceled"
    assert payment.id in listed
    assert assessment.decision == "approve"
    assert {e.type for e in events} == {"payment.created"}
    assert endpoint.secret is not None


@pytest.mark.asyncio
async def test_async_error_class(sandbox: Sandbox) -> None:
    async with sandbox.async_client() as client:
        with pytest.raises(realtime_finance.NotFoundError) as caught:
            await client.payments.retrieve("pay_doesnotexist")
    assert caught.value.http_status == 404


@pytest.mark.asyncio
async def test_cancel_call(sandbox: Sandbox) -> None:
    sandbox.add_fault(method="GET", path="/v1/transactions/*", count=1, action="delay", delay_ms=2000)
    async with sandbox.async_client() as client:
        call = asyncio.ensure_future(client.transactions.retrieve("txn_doesnotexist"))
        await asyncio.sleep(0.2)
        call.cancel()
        with pytest.raises(asyncio.CancelledError):
            await call
        # The client still works after a cancelled call.
        assert (await _first(client)).id.startswith("txn_")


@pytest.mark.asyncio
async def test_closed_async_client(sandbox: Sandbox) -> None:
    client = sandbox.async_client()
    await client.close()
    with pytest.raises(realtime_finance.ConfigurationError):
        await client.transactions.retrieve("txn_doesnotexist")


def test_call_without_loop(sandbox: Sandbox) -> None:
    client = sandbox.async_client()
    coroutine = client.transactions.retrieve("txn_doesnotexist")
    with pytest.raises(RuntimeError):
        coroutine.send(None)
    coroutine.close()


async def _first(client: AsyncClient) -> realtime_finance.Transaction:
    async for transaction in client.transactions.list(limit=1):
        return transaction
    raise AssertionError("the list is empty")


async def _take(iterator: AsyncIterator[T], count: int) -> AsyncIterator[Tuple[int, T]]:
    index = 0
    async for item in iterator:
        if index == count:
            return
        yield index, item
        index += 1


@pytest.mark.asyncio
async def test_negative_timeout_async(sandbox: Sandbox) -> None:
    async with sandbox.async_client() as client:
        with pytest.raises(realtime_finance.InvalidRequestError) as caught:
            await client.transactions.retrieve("txn_doesnotexist", timeout=-1)
    assert caught.value.param == "timeout"
