"""The FastAPI application: settings, routers, limits, error bodies, and the web page's files.

``create_app`` opens the store once; routes share it (SQLAlchemy pools the connections).
Every response carries a Content-Security-Policy that allows only this server's own
scripts, styles, images and requests, so the page can load nothing from elsewhere.
"""

from __future__ import annotations

import logging
import os
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from storyline.serve.api.params import ParameterError
from storyline.store import open_store

WEB = Path(__file__).resolve().parent.parent / "web"
STATIC = WEB / "static"
VENDOR = STATIC / "vendor"
API_KEY_VAR = "STORYLINE_API_KEY"
CLOSED_READS_VAR = "STORYLINE_API_CLOSED_READS"
DEFAULT_MAX_BODY = 5 * 1024 * 1024

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")

log = logging.getLogger("storyline.serve")


@dataclass(frozen=True)
class ApiSettings:
    """How the server behaves: which database, the API key, whether reads need it, the body limit."""

    db: str | None = None
    api_key: str | None = None
    closed_reads: bool = False
    max_body_bytes: int = DEFAULT_MAX_BODY

    @classmethod
    def from_environment(cls, db: str | None = None, **overrides) -> ApiSettings:
        """Settings from ``STORYLINE_API_KEY`` and ``STORYLINE_API_CLOSED_READS`` (1/true/yes), then ``overrides``."""
        closed = os.environ.get(CLOSED_READS_VAR, "").strip().lower() in ("1", "true", "yes")
        values = {"db": db, "api_key": os.environ.get(API_KEY_VAR) or None, "closed_reads": closed}
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


class BodyLimit:
    """Refuses request bodies over ``limit`` bytes with 413, by declared length or as they stream in."""

    def __init__(self, app, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            return await self._refuse(send)
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge()
            return message

        try:
            await self.app(scope, counted, send)
        except _TooLarge:
            await self._refuse(send)

    async def _refuse(self, send) -> None:
        response = JSONResponse({"detail": f"request body over the limit of {self.limit} bytes", "errors": []},
                                status_code=413)
        await response({"type": "http"}, None, send)


class _TooLarge(Exception):
    pass


def _location(loc: tuple) -> tuple[str, str]:
    where = str(loc[0]) if loc else "request"
    rest = [str(part) for part in loc[1:]]
    return where, ".".join(rest) if rest else where


async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = []
    for error in exc.errors():
        where, parameter = _location(tuple(error.get("loc", ())))
        errors.append({"parameter": parameter, "location": where, "message": error.get("msg", "invalid")})
    detail = "; ".join(f"{e['parameter']}: {e['message']}" for e in errors) or "invalid request"
    return JSONResponse({"detail": detail, "errors": errors}, status_code=422)


async def _parameter_error(_request: Request, exc: ParameterError) -> JSONResponse:
    return JSONResponse({"detail": str(exc), "errors": [
        {"parameter": exc.parameter, "location": exc.location, "message": exc.message}]}, status_code=422)


async def _http_error(_request: Request, exc: HTTPException) -> JSONResponse:
    detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    return JSONResponse({"detail": detail, "errors": []}, status_code=exc.status_code, headers=exc.headers)


@asynccontextmanager
async def _lifespan(app: FastAPI):
    yield
    app.state.store.close()


def create_app(settings: ApiSettings | None = None) -> FastAPI:
    """The application for ``settings`` (default: from the environment); opens the store now."""
    from storyline.serve.api.routes import articles, compare, events, exports, pages, statements, stories

    settings = settings or ApiSettings.from_environment()
    if settings.closed_reads and not settings.api_key:
        raise ValueError(f"reads can only be closed with an API key: set {API_KEY_VAR}")
    app = FastAPI(
        title="Storyline API",
        version="0.1.0",
        description="Events fused from news reports, each value traced to the sentences that say it.",
        docs_url=None, redoc_url=None,  # /docs is served from our own copy of Swagger UI (see routes.pages)
        lifespan=_lifespan,
    )
    app.state.settings = settings
    app.state.store = open_store(settings.db)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(ParameterError, _parameter_error)
    app.add_exception_handler(HTTPException, _http_error)
    from starlette.exceptions import HTTPException as StarletteHTTPException

    app.add_exception_handler(StarletteHTTPException, _http_error)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    for module in (events, statements, stories, articles, compare, exports):
        app.include_router(module.router, prefix="/api")
    app.include_router(pages.router)
    if not (VENDOR / "leaflet" / "leaflet.js").exists():
        log.warning("the web page's vendor files are missing from %s: run `make web`", VENDOR)
    app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)

    return app
