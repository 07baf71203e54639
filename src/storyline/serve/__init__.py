"""Serve: what people and programs use — the command line and exports (the API and web page follow)."""
