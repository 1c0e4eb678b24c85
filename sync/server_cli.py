"""``consultant-server``: the central service's command line.

The service itself arrives with the sync issue; until then this prints its help and says so,
rather than pretending to serve.
"""

from __future__ import annotations

import sys

HELP = """Usage: consultant-server COMMAND

The central service for consultant-app devices (enrollment, sync, imports).
It is not built yet: it arrives with the sync issue. No command is available.
"""


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    print(HELP, end="")
    return 0 if not args or args[0] in ("-h", "--help", "help") else 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
