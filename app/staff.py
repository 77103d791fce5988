"""Staff accounts: create, authenticate, load. The only place that reads or writes StaffUser."""
from __future__ import annotations

import secrets

from sqlalchemy import func, select

from .extensions import db, login_manager
from .models import ROLES, StaffUser


@login_manager.user_loader
def load_user(user_id: str) -> StaffUser | None:
    """Return the signed-in member of staff."""
    return db.session.get(StaffUser, int(user_id)) if user_id.isdigit() else None


def create(username: str, role: str, password: str | None = None) -> tuple[StaffUser, str]:
    """Create a staff account; return it and its password (generated when not given)."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if db.session.scalar(select(StaffUser).filter_by(username=username)):
        raise ValueError(f"'{username}' already exists")
    password = password or secrets.token_urlsafe(12)
    user = StaffUser(username=username, role=role)
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    return user, password


def authenticate(username: str, password: str) -> StaffUser | None:
    """Return the user when the password is right, else None."""
    user = db.session.scalar(select(StaffUser).filter_by(username=username))
    return user if user and user.check_password(password) else None


def count() -> int:
    """Return how many staff accounts exist."""
    return db.session.scalar(select(func.count(StaffUser.id))) or 0
