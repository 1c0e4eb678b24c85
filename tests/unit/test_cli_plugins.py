"""The upper layers' commands join ``consultant-app`` through entry points, loaded on demand."""

from __future__ import annotations

from importlib.metadata import entry_points

import click

from consultant_app.cli import COMMAND_GROUP, cli


def test_every_declared_command_is_listed_and_loads() -> None:
    declared = {e.name for e in entry_points(group=COMMAND_GROUP)}
    assert {"agreement", "verify", "sync", "enroll"} <= declared
    ctx = click.Context(cli)
    assert declared <= set(cli.list_commands(ctx))
    for name in declared:
        assert isinstance(cli.get_command(ctx, name), click.Command), name
