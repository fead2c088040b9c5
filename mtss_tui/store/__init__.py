"""SQLite through sqlite-utils: schema, migrations, queries and the audit log."""

from mtss_tui.store.db import NewerSchemaError, StoreError, open_db

__all__ = ["NewerSchemaError", "StoreError", "open_db"]
