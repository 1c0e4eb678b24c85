"""The fault proxy itself: each fault does what the campaign counts on it doing, so a run that
passes through it is known to have been cut, stalled, reset or refused."""

from __future__ import annotations

import random
import socket
import time

import pytest

from .proxy import Fault, FaultPlan, FaultProxy


class Fixed(FaultPlan):
    """Always the given fault (the campaign draws them from a seeded RNG instead)."""

    def __init__(self, fault: Fault):
        super().__init__(random.Random(0), rate=1.0)
        self.fault = fault

    def draw(self) -> Fault:
        return self.fault if self.rate > 0 else Fault()


def exchange(port: int, payload: bytes) -> tuple[bytes, str]:
    """Send ``payload``, read until the other side closes or 1 s of silence: (bytes, how)."""
    with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
        s.sendall(payload)
        got = b""
        try:
            while len(got) < len(payload):
                chunk = s.recv(65536)
                if not chunk:
                    return got, "closed"
                got += chunk
        except ConnectionResetError:
            return got, "reset"
        except TimeoutError:
            return got, "timeout"
    return got, "complete"


def test_a_clean_plan_passes_everything(echo_port):
    proxy = FaultProxy(echo_port)
    try:
        assert exchange(proxy.port, b"x" * 100_000) == (b"x" * 100_000, "complete")
    finally:
        proxy.close()


def test_a_cut_towards_the_client_delivers_exactly_n_bytes_then_resets(echo_port):
    proxy = FaultProxy(echo_port, Fixed(Fault("cut_down", after_bytes=1000)))
    try:
        got, how = exchange(proxy.port, b"y" * 5000)
        assert len(got) == 1000 and how in ("reset", "closed")
    finally:
        proxy.close()


def test_a_cut_towards_the_service_lets_only_n_bytes_reach_it(echo_port):
    proxy = FaultProxy(echo_port, Fixed(Fault("cut_up", after_bytes=10)))
    try:
        got, how = exchange(proxy.port, b"z" * 5000)
        assert len(got) <= 10 and how in ("reset", "closed")
    finally:
        proxy.close()


def test_reset_stall_hang_refuse_and_heal(echo_port):
    plan = Fixed(Fault("reset"))
    proxy = FaultProxy(echo_port, plan)
    try:
        assert exchange(proxy.port, b"a" * 10)[0] == b""
        plan.fault = Fault("stall", pause=0.05)
        assert exchange(proxy.port, b"b" * 10) == (b"b" * 10, "complete")
        plan.fault = Fault("hang", pause=1.5)  # longer than the client waits
        assert exchange(proxy.port, b"c" * 10) == (b"", "timeout")
        proxy.refuse()
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", proxy.port), timeout=1)
        proxy.heal()  # listening again on the same port, and no more faults
        assert exchange(proxy.port, b"d" * 10) == (b"d" * 10, "complete")
        assert proxy.counts["reset"] == proxy.counts["stall"] == proxy.counts["hang"] == 1
        assert proxy.counts["refuse"] == 1
    finally:
        proxy.close()


def test_each_request_on_a_kept_alive_connection_draws_its_own_fault(echo_port):
    plan = FaultPlan(random.Random(7), rate=0.0)
    proxy = FaultProxy(echo_port, plan)
    try:
        with socket.create_connection(("127.0.0.1", proxy.port), timeout=2) as s:
            for n in range(5):
                s.sendall(b"ping%d" % n)
                assert s.recv(100) == b"ping%d" % n
        assert proxy.counts["pass"] == 5
    finally:
        proxy.close()


def test_the_same_seed_draws_the_same_faults():
    def draws(seed: int) -> list[Fault]:
        plan = FaultPlan(random.Random(seed), rate=0.5)
        return [plan.draw() for _ in range(50)]
    assert draws(3) == draws(3)
    assert draws(3) != draws(4)
    assert {f.kind for f in draws(3)} >= {"pass", "cut_up", "cut_down"}


def test_refuse_really_stops_listening_even_with_a_thread_blocked_in_accept(echo_port):
    proxy = FaultProxy(echo_port)
    try:
        time.sleep(0.05)  # the accept thread is blocked in accept()
        proxy.refuse()
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", proxy.port), timeout=1)
    finally:
        proxy.close()
