"""``make run``: the whole product on one machine.

Starts a local central service on loopback with the demo municipality (``DemoService``:
``consultant-server demo``, 0751 Aarhus, "Demo Konsulent"), creates and seeds the demo profile
if it is missing, enrolls it if it is not enrolled with this service, syncs, and opens the
desktop. The service stops when the desktop closes. Whatever fails on the way is said plainly
and the desktop opens anyway, offline: the demo must never be blocked by the network part.

    python -m ui.demo --profile var/demo-profile --passphrase demo
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sync.client.demo import (
    DEFAULT_PORT,
    DemoService,
    free_port,
    port_free,
    enroll_and_sync,
    ensure_profile,
    say,
)

from .app import run_app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", type=Path, default=Path("var/demo-profile"))
    parser.add_argument("--passphrase", default="demo")
    parser.add_argument("--server-data", type=Path, default=Path("var/demo-server"))
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--no-gui", action="store_true", help="stop after the sync")
    args = parser.parse_args(argv)

    ensure_profile(args.profile, args.passphrase)
    port = args.port if args.port and port_free(args.port) else free_port()  # 0: any free port
    service = DemoService(args.server_data, port)
    try:
        try:
            say(f"Starter den centrale tjeneste på {service.url} …")
            service.start()
        except Exception as exc:  # noqa: BLE001 - the demo opens offline instead
            say(f"Den centrale tjeneste kunne ikke starte: {exc}")
            say("Programmet åbner offline.")
        else:
            try:
                enroll_and_sync(args.profile, args.passphrase, service.url)
            except Exception as exc:  # noqa: BLE001 - the demo opens offline instead
                say(f"Tilmelding og synkronisering fejlede: {type(exc).__name__}: {exc}")
                say("Programmet åbner alligevel.")
        if args.no_gui:
            return 0
        return run_app(args.profile, args.passphrase)
    finally:
        service.stop()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
