"""Database engine settings: SQLite gets WAL and foreign keys; others need nothing special."""
from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine

from .extensions import db


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


def engine_for(app: Flask) -> Engine:
    """Return the app's engine (for commands that need it)."""
    with app.app_context():
        return db.engine
