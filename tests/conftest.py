"""Fixtures: an app on a fresh database (SQLite by default, TEST_DATABASE_URL for PostgreSQL)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import text

from app import create_app
from app.extensions import db
from tests.pages import Visitor

HERE = Path(__file__).parent
TEST_SURVEYS = HERE / "surveys"


def _database_url(tmp_path: Path) -> str:
    return os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{tmp_path / 'test.db'}"


def make_app(tmp_path: Path, fresh: bool = True, **overrides):
    """Create an app on a database that the test owns; tables are emptied first when fresh."""
    config = {"TESTING": True, "SECRET_KEY": "test-secret", "SQLALCHEMY_DATABASE_URI": _database_url(tmp_path),
              "INSTANCE_PATH": str(tmp_path / "instance"),
              "RATELIMIT_ENABLED": True, "RATELIMIT_STORAGE_URI": "memory://"}
    config.update(overrides)
    app = create_app(config)
    if not fresh:
        return app
    with app.app_context():
        if config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
            db.session.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
            db.session.commit()
        db.create_all()
    return app


def _serve(app):
    """Yield an app, then close its database connections."""
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def app(tmp_path):
    """The app with the real consultations in surveys/."""
    yield from _serve(make_app(tmp_path))


@pytest.fixture
def test_app(tmp_path):
    """The app with the tiny one-feature test surveys in tests/surveys/."""
    yield from _serve(make_app(tmp_path, SURVEYS_DIR=str(TEST_SURVEYS)))


@pytest.fixture
def client(app):
    """A test client for the real consultations."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """A CLI runner for the real consultations."""
    return app.test_cli_runner()


@pytest.fixture
def visitor(app):
    """A person with a browser-like client on the real consultations."""
    return Visitor(app.test_client())


@pytest.fixture
def tester(test_app):
    """A person with a browser-like client on the test surveys."""
    return Visitor(test_app.test_client())
