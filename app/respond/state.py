"""Which response belongs to this browser: a cookie, or a signed token in the form."""
from __future__ import annotations

from datetime import date
from functools import lru_cache

from flask import abort, current_app, g, session
from itsdangerous import BadSignature, URLSafeSerializer

from .. import responses
from ..models import Response
from ..questionnaire import Consultation


def registry():
    """Return the app's consultation registry."""
    return current_app.extensions["registry"]


def definition(slug: str) -> Consultation:
    """Return the consultation in the current language, or 404."""
    found = registry().get(slug, g.lang)
    if found is None:
        abort(404)
    return found


def is_open(c: Consultation) -> bool:
    """Return True while the consultation takes answers."""
    return c.is_open(date.today())


@lru_cache(maxsize=8)
def _serializer(secret: str) -> URLSafeSerializer:
    return URLSafeSerializer(secret, salt="response")


def token_for(response: Response) -> str:
    """Return a signed token naming the response, to carry in forms."""
    return _signed(current_app.config["SECRET_KEY"], response.public_id)


@lru_cache(maxsize=4096)
def _signed(secret: str, public_id: str) -> str:
    # The token never changes for a response, so sign it once per process.
    return _serializer(secret).dumps(public_id)


def remember(slug: str, response: Response) -> None:
    """Tie the response to this browser's session."""
    if session.get("r", {}).get(slug) == response.public_id:
        return  # unchanged: no need to send the cookie again
    session.permanent = True
    session.setdefault("r", {})[slug] = response.public_id
    session.modified = True


def current(slug: str, token: str | None = None) -> Response | None:
    """Return this browser's response; a valid form token re-attaches an expired session."""
    public_id = session.get("r", {}).get(slug)
    if public_id is None and token:
        try:
            public_id = _serializer(current_app.config["SECRET_KEY"]).loads(token)
        except BadSignature:
            public_id = None
    response = responses.find(public_id)
    if response is None or response.consultation.slug != slug:
        return None
    remember(slug, response)
    return response


def forget(slug: str) -> None:
    """Forget the response in this browser (after it is submitted and seen)."""
    session.get("r", {}).pop(slug, None)
    session.modified = True
