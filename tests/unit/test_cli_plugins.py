"""The upper layers' commands join ``consultant-app`` through entry points."""

from __future__ import annotations

from importlib.metadata import entry_points

from consultant_app.cli import COMMAND_GROUP, cli, load_plugin_commands


def test_every_declared_command_loads_and_joins_the_group() -> None:
    declared = {e.name for e in entry_points(group=COMMAND_GROUP)}
    assert {"agreement", "verify", "sync", "enroll"} <= declared
    load_plugin_commands()
    assert declared <= set(cli.commands)
