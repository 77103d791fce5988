"""The real app plus a bare hello-world route, so both are measured by the same server in one run."""
import os
import tempfile

from app import create_app
from app.extensions import db

DB = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{tempfile.gettempdir()}/family-voice-bench.db"
app = create_app({"SQLALCHEMY_DATABASE_URI": DB, "SECRET_KEY": "benchmark-only",
                  "RATELIMIT_ENABLED": False})
with app.app_context():
    db.create_all()


@app.get("/__hello")
def hello():
    """The baseline: the cheapest possible Flask route."""
    return "Hello, world!"
