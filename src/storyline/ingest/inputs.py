"""What the user named on the command line, expanded into single inputs.

A PATH argument may be a file, a directory (walked recursively, hidden files and
folders left out, in sorted order), a glob (``reports/**/*.txt``), ``-`` for
standard input, or an http(s) URL. Problems with the argument itself (no such
path, a pattern that matches nothing, an unsupported URL scheme) are returned as
notices so that the other arguments go on.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from storyline.records import Notice

InputKind = Literal["file", "stdin", "url"]
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Input:
    """One document source: a file, standard input, or a URL.

    ``walked`` is true for files found by walking a directory or a glob rather
    than named one by one; such files may be skipped when they are plainly not
    reports (a data table without a text column), where a named file is an error.
    """

    kind: InputKind
    location: str
    walked: bool = False


def expand_inputs(arguments: Iterable[str]) -> Iterator[Input | Notice]:
    """Inputs for each argument, in order; a notice for each argument that names nothing."""
    for argument in arguments:
        if argument == "-":
            yield Input("stdin", "<stdin>")
            continue
        scheme = urlsplit(argument).scheme.lower()
        if scheme in ("http", "https"):
            yield Input("url", argument)
            continue
        if len(scheme) > 1 and "://" in argument:
            yield Notice("error", argument, f"unsupported URL scheme {scheme!r}; use http(s) URLs or local paths", "E115")
            continue
        if os.path.isdir(argument):
            yield from _walk(argument)
        elif os.path.exists(argument):
            yield Input("file", argument)
        elif _GLOB_CHARS & set(argument):
            matches = sorted(glob.glob(argument, recursive=True))
            files = [m for m in matches if os.path.isfile(m)]
            for directory in (m for m in matches if os.path.isdir(m)):
                files.extend(i.location for i in _walk(directory))
            if not files:
                yield Notice("error", argument, "pattern matched no files", "E102")
            for path in files:
                yield Input("file", path, walked=True)
        else:
            yield Notice("error", argument, "no such file or directory", "E101")


def _walk(directory: str) -> Iterator[Input]:
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Input("file", os.path.join(root, name), walked=True)
