"""Threads share one client in parallel; a forked child works or fails clearly."""

from __future__ import annotations

import os
import signal
import threading
import time
from typing import List

import pytest

import realtime_finance

from conftest import Sandbox


def test_threads_run_in_parallel(sandbox: Sandbox) -> None:
    # Each of 8 calls is held 1 s by the sandbox. With the GIL released they
    # overlap; serialized they would take 8 s.
    calls = 8
    sandbox.add_fault(method="GET", path="/v1/transactions/*", count=calls, action="delay", delay_ms=1000)
    failures: List[BaseException] = []
    with sandbox.client() as client:

        def call() -> None:
            try:
                client.transactions.retrieve("txn_doesnotexist")
            except realtime_finance.NotFoundError:
                pass
            except BaseException as error:  # noqa: BLE001 - reported by the assert below
                failures.append(error)

        threads = [threading.Thread(target=call) for _ in range(calls)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        elapsed = time.monotonic() - started
    assert failures == []
    assert elapsed < 4.0


@pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is POSIX only")
def test_fork_child_works_or_fails_clearly(sandbox: Sandbox) -> None:
    # Exit codes of the child: 0 the call worked, 10 it raised
    # ConfigurationError with a message, 20 anything else.
    with sandbox.client() as client:
        client.transactions.list(limit=1).__next__()  # the parent's runtime and pool are live
        pid = os.fork()
        if pid == 0:
            code = 20
            try:
                next(client.transactions.list(limit=1))
                code = 0
            except realtime_finance.ConfigurationError as error:
                code = 10 if "fork" in str(error).lower() else 20
            except BaseException:  # noqa: BLE001 - any other outcome is the failure code
                code = 20
            finally:
                os._exit(code)

        status = None
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            finished, status = os.waitpid(pid, os.WNOHANG)
            if finished:
                break
            time.sleep(0.05)
        else:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise AssertionError("the forked child hung for 20 s")

        # The parent's client still works after the fork.
        assert next(client.transactions.list(limit=1)).id.startswith("txn_")
    assert status is not None
    assert os.WIFEXITED(status)
    assert os.WEXITSTATUS(status) in (0, 10)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is POSIX only")
def test_fork_child_new_client(sandbox: Sandbox) -> None:
    with sandbox.client() as client:
        next(client.transactions.list(limit=1))
    pid = os.fork()
    if pid == 0:
        code = 20
        try:
            with sandbox.client() as child_client:
                next(child_client.transactions.list(limit=1))
            code = 0
        except realtime_finance.ConfigurationError as error:
            code = 10 if "fork" in str(error).lower() else 20
        except BaseException:  # noqa: BLE001 - any other outcome is the failure code
            code = 20
        finally:
            os._exit(code)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        finished, status = os.waitpid(pid, os.WNOHANG)
        if finished:
            break
        time.sleep(0.05)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise AssertionError("the forked child hung for 20 s")
    assert os.WIFEXITED(status)
    assert os.WEXITSTATUS(status) in (0, 10)
