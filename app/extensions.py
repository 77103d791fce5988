"""Flask extensions, created unbound and attached in create_app."""
from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect

db = SQLAlchemy()
migrate = Migrate()
babel = Babel()
csrf = CSRFProtect()
# Limits are declared on the routes that need them (resume codes); nothing global.
limiter = Limiter(key_func=get_remote_address, default_limits=[])
from flask_compress import Compress  # noqa: E402

compress = Compress()
