"""Public blueprint: the respondent journey, under /<lang>/."""
from flask import Blueprint

bp = Blueprint("respond", __name__, url_prefix="/<lang>")

from . import routes  # noqa: E402,F401  (routes attach themselves to bp)
