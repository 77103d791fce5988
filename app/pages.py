"""Routes outside any language: the front door, health check and the exit."""
from flask import Blueprint, current_app, redirect, request, session, url_for
from sqlalchemy import text

from . import languages
from .extensions import db

bp = Blueprint("pages", __name__)


@bp.get("/")
def root():
    """Send people to the consultations in their browser's language."""
    return redirect(url_for("respond.home", lang=languages.best_match(list(request.accept_languages))))


@bp.get("/healthz")
def healthz():
    """Answer 200 when the app and database are up."""
    try:
        db.session.execute(text("SELECT 1"))
    except Exception:  # noqa: BLE001 — any database failure means 'not healthy'
        return {"status": "database unavailable"}, 503
    return {"status": "ok"}


@bp.route("/exit", methods=["GET", "POST"])
def exit_page():
    """Leave at once for a neutral site and forget this browser's session."""
    session.clear()
    response = redirect(current_app.config["EXIT_URL"])
    response.headers["Clear-Site-Data"] = '"cookies", "storage"'
    response.headers["Cache-Control"] = "no-store"
    return response
