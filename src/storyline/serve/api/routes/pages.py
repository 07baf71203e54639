"""The web page (``/``) and the API docs (``/docs``), both served from files of this package."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import FileResponse

from storyline.serve.api.app import WEB

router = APIRouter(include_in_schema=False)


@router.get("/")
def web_page() -> FileResponse:
    return FileResponse(WEB / "index.html", media_type="text/html; charset=utf-8")


@router.get("/docs")
def api_docs() -> FileResponse:
    """Swagger UI from the npm package ``swagger-ui-dist``, copied by ``make web``: no CDN."""
    return FileResponse(WEB / "docs.html", media_type="text/html; charset=utf-8")
