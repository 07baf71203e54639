"""Every error Storyline reports to a person, with a stable code.

A code names the kind of problem (E1xx: an input, E2xx: the database, E3xx: a
command's output, E4xx: analysis) so that scripts can match on it and the README can explain
it once. Messages say what was wrong and, where it helps, what to do.
"""

from __future__ import annotations

# code -> short title; the message of each raised error adds the specifics.
CODES: dict[str, str] = {
    "E101": "path not found",
    "E102": "pattern matched no files",
    "E103": "empty input",
    "E104": "binary input",
    "E105": "undecodable text",
    "E106": "input over the size limit",
    "E107": "malformed HTML",
    "E108": "feed is not well-formed XML",
    "E109": "XML entity declarations refused",
    "E110": "URL unreachable",
    "E111": "invalid JSON line",
    "E112": "required field missing",
    "E113": "invalid CSV",
    "E114": "invalid WARC archive",
    "E115": "unsupported input",
    "E116": "input could not be read",
    "E117": "invalid header or field value",
    "E201": "database unavailable",
    "E202": "unsupported database URL",
    "E301": "output cannot be written",
    "E302": "no such article",
    "E303": "no such event",
    "E401": "analysis of an article failed",
}


class StorylineError(Exception):
    """Base of every error meant for a person; ``str()`` gives the one-line message."""

    code = "E000"

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        self.message = message

    def __str__(self) -> str:
        return f"{self.message} [{self.code}]"


class InputError(StorylineError):
    """One input (a file, a URL, a record inside an archive) cannot be ingested.

    ``source`` names the input as the user gave it, with a line or record number
    where there is one; ``reason`` says what is wrong with it.
    """

    def __init__(self, source: str, reason: str, code: str) -> None:
        super().__init__(f"{source}: {reason}", code)
        self.source = source
        self.reason = reason


class DatabaseError(StorylineError):
    """The database named by ``--db`` / ``STORYLINE_DB`` cannot be used."""

    code = "E201"
