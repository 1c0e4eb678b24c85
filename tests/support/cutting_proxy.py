"""A small TCP proxy for the sync tests that cuts the connection after N bytes (its own test
is tests/integration/test_sync_proxy.py, so a sync test that passes through it is known to have
been cut)."""

from __future__ import annotations

import socket
import threading

UPSTREAM, DOWNSTREAM = "to_server", "to_client"


class CuttingProxy:
    """Forwards 127.0.0.1:<port> to ``target``; ``arm(direction, n)`` drops every open
    connection once ``n`` more bytes have gone that way (once; then it forwards again)."""

    def __init__(self, target_port: int):
        self.target_port = target_port
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._armed: dict[str, int] = {}
        self._sockets: set[socket.socket] = set()
        self.cuts = 0
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def arm(self, direction: str, after_bytes: int) -> None:
        with self._lock:
            self._armed[direction] = after_bytes

    def close(self) -> None:
        self._closed = True
        self._listener.close()
        self._drop_all()

    def _drop_all(self) -> None:
        with self._lock:
            sockets, self._sockets = list(self._sockets), set()
        for s in sockets:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(("127.0.0.1", self.target_port), timeout=5)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            with self._lock:
                self._sockets.update((client, server))
            threading.Thread(target=self._pump, args=(client, server, UPSTREAM),
                             daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, DOWNSTREAM),
                             daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket, direction: str) -> None:
        while True:
            try:
                data = src.recv(65536)
            except OSError:
                break
            if not data:
                break
            cut = False
            with self._lock:
                left = self._armed.get(direction)
                if left is not None:
                    if len(data) >= left:
                        data, cut = data[:left], True
                        del self._armed[direction]
                    else:
                        self._armed[direction] = left - len(data)
            try:
                if data:
                    dst.sendall(data)
            except OSError:
                break
            if cut:
                self.cuts += 1
                self._drop_all()
                return
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
