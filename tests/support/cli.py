"""The desktop's command line run as a user runs it: ``consultant-app`` in a process of its own,
the passphrase from the environment."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from tests.support.profiles import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


def run_app(profile: Path, *args: str, passphrase: str = PASSPHRASE,
            timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """``consultant-app --profile <profile> <args>``; its exit code, stdout and stderr."""
    env = {**os.environ, "CONSULTANT_APP_PASSPHRASE": passphrase, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", "import sys; from consultant_app.cli import "
                           "main; sys.exit(main())", "--profile", str(profile), *args],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=timeout,
                          check=False)


def walk_commands(command: click.Command, path: tuple[str, ...] = ()
                  ) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    """Every command and group under ``command`` (itself first), with its path of names: the
    upper layers' commands too, as the group lists them (entry points)."""
    yield path, command
    if isinstance(command, click.Group):
        ctx = click.Context(command)
        for name in command.list_commands(ctx):
            yield from walk_commands(command.get_command(ctx, name), (*path, name))
