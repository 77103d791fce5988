"""Default settings; instance/config.py and FLASK_* environment variables override them."""
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Defaults:
    """Settings every deployment starts from."""

    SECRET_KEY = None  # set in instance/config.py (make run writes one) or FLASK_SECRET_KEY
    SURVEYS_DIR = str(ROOT / "surveys")
    CODEBOOK_PATH = str(ROOT / "surveys" / "codebook.yaml")
    SIGNPOSTING_PATH = str(ROOT / "surveys" / "signposting.yaml")
    TRANSLATIONS_DIR = str(ROOT / "translations")
    # A respondent's cookie only holds which response is theirs; answers live in the database.
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    PERMANENT_SESSION_LIFETIME = timedelta(hours=12)
    SESSION_REFRESH_EACH_REQUEST = False  # re-signing the cookie on every page costs time and bytes
    WTF_CSRF_TIME_LIMIT = 6 * 3600
    WTF_I18N_ENABLED = False  # every message is our own, translated through Flask-Babel
    MAX_CONTENT_LENGTH = 64 * 1024  # a page of answers is small; refuse anything bigger
    EXIT_URL = "https://www.bbc.co.uk/weather"
    RESUME_CODE_DAYS = 30
    RESUME_RATE_LIMIT = "10 per minute;50 per hour"
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_HEADERS_ENABLED = False
    BABEL_DEFAULT_LOCALE = "en"
    SEND_FILE_MAX_AGE_DEFAULT = timedelta(days=365)  # static URLs carry a content hash
    SCHOOL_NAMES: tuple[str, ...] = ()
