"""A fault-injecting TCP proxy between sync clients and the service, for the fault campaign.

Each request gets a fault drawn from the proxy's seeded RNG (``FaultPlan``):
pass, cut after N bytes towards the service or towards the client, stall (a pause before
the bytes go on), hang (a pause longer than the client's read timeout), reset (an RST at
once) or, for the whole proxy, refuse (the listening socket closed, so connects get
ECONNREFUSED). ``heal()`` turns every fault off. Threads, not asyncio: the clients under
test are synchronous and the campaign drives them from plain threads and subprocesses.
"""

from __future__ import annotations

import random
import socket
import struct
import threading
import time
from collections import Counter
from dataclasses import dataclass

UPSTREAM, DOWNSTREAM = "to_server", "to_client"
FAULTS = ("cut_up", "cut_down", "stall", "hang", "reset")
WEIGHTS = {"cut_up": 3, "cut_down": 3, "stall": 2, "hang": 1, "reset": 2}


@dataclass(frozen=True)
class Fault:
    kind: str = "pass"        # pass | cut_up | cut_down | stall | hang | reset
    after_bytes: int = 0      # cut_*: bytes let through that way before the cut
    pause: float = 0.0        # stall / hang: seconds before the first bytes go on


class FaultPlan:
    """Draws one ``Fault`` per connection: with probability ``rate`` one of ``kinds``."""

    def __init__(self, rng: random.Random, rate: float = 0.0,
                 kinds: tuple[str, ...] = FAULTS, hang_pause: float = 2.0):
        self.rng = rng
        self.rate = rate
        self.kinds = kinds
        self.hang_pause = hang_pause

    def draw(self) -> Fault:
        if self.rate <= 0 or self.rng.random() >= self.rate:
            return Fault()
        kind = self.rng.choices(self.kinds, [WEIGHTS.get(k, 1) for k in self.kinds])[0]
        if kind in ("cut_up", "cut_down"):
            # Mostly inside the headers or a small body; sometimes deep in a page.
            n = self.rng.choice((0, 1, self.rng.randint(2, 400), self.rng.randint(400, 6000),
                                 self.rng.randint(6000, 60000)))
            return Fault(kind, after_bytes=n)
        if kind == "stall":
            return Fault(kind, pause=self.rng.uniform(0.01, 0.3))
        if kind == "hang":
            return Fault(kind, pause=self.hang_pause)
        return Fault(kind)


class FaultProxy:
    """Forwards 127.0.0.1:<port> to 127.0.0.1:<target_port> with the faults of ``plan``."""

    def __init__(self, target_port: int, plan: FaultPlan | None = None):
        self.target_port = target_port
        self.plan = plan or FaultPlan(random.Random(0))
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()
        self.counts: Counter[str] = Counter()
        self._closed = False
        self._listener: socket.socket | None = None
        self.port = 0
        self._listen()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- control ---------------------------------------------------------------------------
    def refuse(self) -> None:
        """Stop listening: connects are refused until ``accept_again()``."""
        if self._listener is not None:
            if not self._closed:
                self.counts["refuse"] += 1
            listener, self._listener = self._listener, None
            try:  # wakes the accepting thread (a plain close would leave it listening)
                listener.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            listener.close()

    def accept_again(self) -> None:
        if self._listener is None and not self._closed:
            self._listen()

    def heal(self) -> None:
        """No more faults: every new connection passes; the listener is back."""
        self.plan.rate = 0.0
        self.accept_again()

    def drop_all(self) -> None:
        """Reset every open connection (as a dying network link would)."""
        with self._lock:
            sockets, self._sockets = list(self._sockets), set()
        for s in sockets:
            _reset(s)

    def close(self) -> None:
        self._closed = True
        self.refuse()
        self.drop_all()

    # -- plumbing --------------------------------------------------------------------------
    def _listen(self) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.port = listener.getsockname()[1]
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        while not self._closed:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(("127.0.0.1", self.target_port), timeout=5)
            except OSError:
                _reset(client)  # the service is down: the client sees the connection fail
                continue
            server.settimeout(None)
            with self._lock:
                self._sockets.update((client, server))
            link = _Link(self, client, server)
            threading.Thread(target=link.pump, args=(UPSTREAM,), daemon=True).start()
            threading.Thread(target=link.pump, args=(DOWNSTREAM,), daemon=True).start()

    def _draw(self) -> Fault:
        with self._lock:
            fault = self.plan.draw()
        self.counts[fault.kind] += 1
        return fault


class _Link:
    """One client connection and its connection to the service. A keep-alive connection
    carries many requests: a new fault is drawn for each request (the first bytes towards
    the service after an answer), and applies to that request and its answer."""

    def __init__(self, proxy: FaultProxy, client: socket.socket, server: socket.socket):
        self.proxy = proxy
        self.client, self.server = client, server
        self.lock = threading.Lock()
        self.fault = Fault()
        self.new_request = True
        self.left = {UPSTREAM: None, DOWNSTREAM: None}  # bytes until the cut, per direction

    def pump(self, direction: str) -> None:
        src, dst = ((self.client, self.server) if direction == UPSTREAM
                    else (self.server, self.client))
        while True:
            try:
                data = src.recv(65536)
            except OSError:
                break
            if not data:
                break
            pause = 0.0
            with self.lock:
                if direction == UPSTREAM and self.new_request:
                    self.new_request = False
                    self.fault = fault = self.proxy._draw()
                    self.left = {UPSTREAM: fault.after_bytes if fault.kind == "cut_up"
                                 else None,
                                 DOWNSTREAM: fault.after_bytes if fault.kind == "cut_down"
                                 else None}
                    pause = fault.pause
                    if fault.kind == "reset":
                        self.left[UPSTREAM] = 0
                elif direction == DOWNSTREAM:
                    self.new_request = True
                left = self.left[direction]
                cut = left is not None and len(data) >= left
                if cut:
                    data = data[:left]
                elif left is not None:
                    self.left[direction] = left - len(data)
            if pause:
                time.sleep(pause)
            try:
                if data:
                    dst.sendall(data)
            except OSError:
                break
            if cut:
                _reset(self.client)
                _reset(self.server)
                return
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()


def _reset(s: socket.socket) -> None:
    """Close with an RST (SO_LINGER 0), not a polite FIN. ``SHUT_RD`` first wakes a thread
    blocked reading it (a plain close would not, and would keep the socket open) without
    sending anything."""
    try:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        s.shutdown(socket.SHUT_RD)
    except OSError:
        pass
    s.close()
