"""One client sync in a process of its own, for the campaign to kill with -9 mid-sync.

``python -m tests.chaos.killed_sync PROFILE PASSPHRASE PUSH_BATCH PULL_LIMIT``: opens the
profile, prints ``ready`` once it is loaded (so the kill does not land in the imports),
waits for a line on stdin, then syncs once and prints ``done`` (or the error's kind).
"""

from __future__ import annotations

import sys

from consultant_app.store import Store
from sync.client import SyncEngine
from sync.client.errors import SyncError


def main(argv: list[str]) -> int:
    profile, passphrase, push_batch, pull_limit = argv
    store = Store.open(profile, passphrase)
    engine = SyncEngine(store, push_batch=int(push_batch), pull_limit=int(pull_limit),
                        use_keyring=False)
    print("ready", flush=True)
    sys.stdin.readline()
    try:
        engine.sync("chaos")
        print("done", flush=True)
    except SyncError as exc:
        print(f"sync error: {exc.kind}", flush=True)
    finally:
        engine.close()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
