"""Fetching pages and feeds over HTTP(S), with a size limit and clear failures.

The transport is injectable (``httpx.MockTransport``, or a real server on
127.0.0.1 in tests), so the same code is exercised without reaching out.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from storyline.errors import InputError

USER_AGENT = "Storyline/0.1 (+news-report ingestion)"


@dataclass(frozen=True, slots=True)
class Fetched:
    """A successful response: the final URL after redirects, its content type and body."""

    url: str
    content_type: str | None
    charset: str | None
    data: bytes


class Fetcher:
    """GETs URLs; raises :class:`InputError` (E110 unreachable, E106 too large)."""

    def __init__(self, *, max_bytes: int, timeout: float = 20.0, transport: httpx.BaseTransport | None = None) -> None:
        self.max_bytes = max_bytes
        self._client = httpx.Client(
            transport=transport,
            timeout=timeout,
            follow_redirects=True,
            headers={"User-Agent": USER_AGENT},
        )

    def get(self, url: str) -> Fetched:
        try:
            with self._client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise InputError(url, f"unreachable: HTTP {response.status_code} {response.reason_phrase}", "E110")
                declared = response.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > self.max_bytes:
                    raise InputError(url, f"{int(declared)} bytes, over the {self.max_bytes}-byte limit (--max-size)", "E106")
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise InputError(url, f"over the {self.max_bytes}-byte limit (--max-size)", "E106")
                    chunks.append(chunk)
                return Fetched(
                    url=str(response.url),
                    content_type=response.headers.get("content-type"),
                    charset=response.charset_encoding,
                    data=b"".join(chunks),
                )
        except httpx.TimeoutException:
            raise InputError(url, "unreachable: timed out", "E110") from None
        except httpx.ConnectError as exc:
            raise InputError(url, f"unreachable: {_reason(exc)}", "E110") from None
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            raise InputError(url, f"unreachable: {_reason(exc)}", "E110") from None

    def close(self) -> None:
        self._client.close()


def _reason(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    # httpx wraps OS errors as "[Errno 111] Connection refused": keep the words.
    return text.split("] ", 1)[-1] if text.startswith("[Errno") else text
