"""What routes depend on: the store, the settings, and the API key checks (``Annotated`` dependencies)."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from storyline.store import Store

_bearer = HTTPBearer(auto_error=False, description="The API key (STORYLINE_API_KEY), sent as a bearer token.")


def get_store(request: Request) -> Store:
    return request.app.state.store


def _check_key(request: Request, credentials: HTTPAuthorizationCredentials | None, action: str) -> None:
    expected = request.app.state.settings.api_key
    if not expected:
        raise HTTPException(401, f"{action} needs an API key, and this server has none: start it with "
                                 "STORYLINE_API_KEY set", headers={"WWW-Authenticate": "Bearer"})
    given = credentials.credentials if credentials else ""
    if not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        raise HTTPException(401, f"{action} needs the API key as a bearer token: Authorization: Bearer KEY",
                            headers={"WWW-Authenticate": "Bearer"})


def require_writer(request: Request,
                   credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> None:
    """Writes always need the key."""
    _check_key(request, credentials, "writing")


def require_reader(request: Request,
                   credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> None:
    """Reads need the key only when the server was started with reads closed."""
    if request.app.state.settings.closed_reads:
        _check_key(request, credentials, "reading")


StoreDep = Annotated[Store, Depends(get_store)]
