"""Admin pages under /staff/: languages and their review status (more in phase 2)."""
from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/staff")

from . import routes  # noqa: E402,F401  (routes attach themselves to bp)
