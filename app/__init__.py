"""Application factory: config, extensions, blueprints."""
from __future__ import annotations

import os
import secrets
from pathlib import Path

from flask import Flask

from . import database
from .config import ROOT, Defaults
from .extensions import babel, compress, csrf, db, limiter, login_manager, migrate


def create_app(test_config: dict | None = None) -> Flask:
    """Create the app; config is defaults → instance/config.py → FLASK_* env → test_config."""
    instance = (test_config or {}).get("INSTANCE_PATH") or os.environ.get("FAMILY_VOICE_INSTANCE")
    app = Flask(__name__, instance_path=str(instance or ROOT / "instance"), instance_relative_config=True)
    _configure(app, test_config)
    _init_extensions(app)
    _register(app)
    return app


def _configure(app: Flask, test_config: dict | None) -> None:
    app.config.from_object(Defaults)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env()
    if os.environ.get("DATABASE_URL"):
        app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]
    if test_config:
        app.config.from_mapping(test_config)
    app.config.setdefault(
        "SQLALCHEMY_DATABASE_URI", f"sqlite:///{Path(app.instance_path) / 'family_voice.db'}")
    app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS",
                          database.engine_options(app.config["SQLALCHEMY_DATABASE_URI"]))
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _local_secret(Path(app.instance_path))


def _local_secret(instance: Path) -> str:
    """Return this machine's secret key, creating it once (servers behind a balancer set one)."""
    path = instance / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def _init_extensions(app: Flask) -> None:
    from . import i18n
    db.init_app(app)
    database.configure(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"), render_as_batch=True)
    babel.init_app(app, locale_selector=i18n.current_locale,
                   default_translation_directories=app.config["TRANSLATIONS_DIR"])
    csrf.init_app(app)
    limiter.init_app(app)
    compress.init_app(app)
    login_manager.init_app(app)


def _register(app: Flask) -> None:
    from . import commands, errors, pages, registry, security, staff, templating  # noqa: F401 (staff: user loader)
    from .admin import bp as admin_bp
    from .auth import bp as auth_bp
    from .respond import bp as respond_bp
    app.extensions["registry"] = registry.Registry(app.config["SURVEYS_DIR"])
    templating.init_app(app)
    errors.init_app(app)
    security.init_app(app)
    app.register_blueprint(pages.bp)
    csrf.exempt(respond_bp)  # respondent forms check CSRF themselves, to keep typed answers
    app.register_blueprint(respond_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(admin_bp)
    commands.init_app(app)
