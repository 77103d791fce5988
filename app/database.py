"""Database engine settings: SQLite gets WAL and foreign keys; others need nothing special."""
from flask import Flask
from sqlalchemy import event

from .extensions import db


def engine_options(url: str) -> dict:
    """Return engine options: a network database's connections are checked before use."""
    return {} if url.startswith("sqlite") else {"pool_pre_ping": True}


def configure(app: Flask) -> None:
    """Turn on SQLite's WAL journal and foreign keys for every connection."""
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        return
    with app.app_context():
        event.listen(db.engine, "connect", _sqlite_pragmas)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()
