"""The REST API and the web page: ``create_app(settings)`` builds the FastAPI application.

One router module per resource under ``routes/``; pydantic schemas (``schemas``) exist only
here, at the edge. Routes translate HTTP to store calls and records to schemas, nothing more.
"""

from storyline.serve.api.app import ApiSettings, create_app

__all__ = ["ApiSettings", "create_app"]
