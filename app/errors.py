"""Friendly, translated error pages; people never see a stack trace."""
from flask import Flask, render_template
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import HTTPException

MESSAGES = {
    400: (_l("Sorry, something went wrong with that page"),
          _l("We could not read what was sent. Please go back and try again.")),
    404: (_l("Page not found"), _l("Check the web address, or go back to the start.")),
    405: (_l("Page not found"), _l("Check the web address, or go back to the start.")),
    413: (_l("That was too much to send"),
          _l("Your answer was too long to send. Please go back and make it shorter.")),
    429: (_l("Please wait a moment"),
          _l("You have tried many times. Please wait a few minutes, then try again.")),
    500: (_l("Sorry, there is a problem with the service"),
          _l("Please try again later. Answers you already saved are safe.")),
}


def render_error(status: int):
    """Render the error page for an HTTP status."""
    title, body = MESSAGES.get(status, MESSAGES[500])
    return render_template("error.html", title=title, body=body), status


def init_app(app: Flask) -> None:
    """Register the handlers."""
    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        """Show our page for 400, 404, 413, 429 and the rest."""
        return render_error(exc.code or 500)

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        """Log the failure and show a calm page (tests see the real error)."""
        if app.testing and not app.config.get("FRIENDLY_ERRORS_IN_TESTS"):
            raise exc  # tests see the real failure
        app.logger.exception("unhandled error", exc_info=exc)
        return render_error(500)
