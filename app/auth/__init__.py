"""Staff sign-in under /staff/: accounts with roles; respondents never sign in."""
from flask import Blueprint

bp = Blueprint("auth", __name__, url_prefix="/staff")

from . import routes  # noqa: E402,F401  (routes attach themselves to bp)
