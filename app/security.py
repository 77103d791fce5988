"""Response headers that keep respondents private: nothing external, nothing cached on shared devices."""
from flask import Flask, request

# Everything comes from this site; images may be inline SVG data (the faces).
CSP = ("default-src 'self'; img-src 'self' data:; media-src 'self'; style-src 'self'; "
       "script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")


def init_app(app: Flask) -> None:
    """Add the headers to every response."""
    @app.after_request
    def headers(response):
        """Set privacy and caching headers."""
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if request.endpoint != "static":
            # Answers must not come back from the cache after "Exit this page" on a shared phone.
            response.headers["Cache-Control"] = "no-store"
        else:
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response
