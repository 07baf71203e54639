"""The README documents every command and every option (and stays in step with the code)."""

import re

import typer.main

from storyline.errors import CODES
from storyline.serve.cli import app
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands(group, prefix=()):
    # typer ships its own copy of click, so go by shape rather than by class
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from commands(command, (*prefix, name))
        else:
            yield (*prefix, name), command


def test_quickstart_is_exactly_two_commands():
    quickstart = README.split("## Quickstart", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    lines = [line.split("#")[0].strip() for line in quickstart.strip().splitlines()]
    assert lines == ["make demo", "make test"]


def test_every_command_and_option_is_documented():
    root = typer.main.get_command(app)
    found = list(commands(root))
    assert {" ".join(path) for path, _ in found} >= {"ingest", "articles", "stats", "export articles", "migrate"}
    for path, command in found:
        heading = f"### `storyline {' '.join(path)}"
        assert heading in README, f"README has no section {heading}"
        section = README.split(heading, 1)[1].split("\n### ", 1)[0]
        assert f"storyline {' '.join(path)}" in section.split("```sh", 1)[1], f"no example for {path}"
        for parameter in command.params:
            if type(parameter).__name__.endswith("Option") and parameter.name != "help":
                for flag in parameter.opts + parameter.secondary_opts:
                    assert f"`{flag}" in section, f"storyline {' '.join(path)}: {flag} is not documented"


def test_every_error_code_is_documented():
    for code in CODES:
        assert re.search(rf"^\| {code} \|", README, re.M), f"{code} missing from the README's table"
