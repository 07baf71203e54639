"""One router per resource; each route translates HTTP to store calls and records to schemas."""
