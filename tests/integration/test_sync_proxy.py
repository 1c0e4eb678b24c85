"""The cutting proxy of the sync tests (tests/support/cutting_proxy.py) forwards, and cuts a
connection once the armed number of bytes has gone through."""

from __future__ import annotations

import socket

from tests.support.cutting_proxy import DOWNSTREAM, CuttingProxy


def test_the_proxy_forwards_and_then_cuts_after_the_armed_number_of_bytes(echo_port):
    proxy = CuttingProxy(echo_port)
    with socket.create_connection(("127.0.0.1", proxy.port)) as s:
        s.sendall(b"hello")
        assert s.recv(100) == b"hello"
        proxy.arm(DOWNSTREAM, 3)
        s.sendall(b"world")
        got = b""
        while chunk := s.recv(100):
            got += chunk
        assert got == b"wor"
    assert proxy.cuts == 1
    proxy.close()
