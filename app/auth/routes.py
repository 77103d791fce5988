"""Sign in and out."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from .. import staff
from ..extensions import limiter
from . import bp
from .forms import LoginForm


@bp.get("/")
def index():
    """Send staff to their first page."""
    if not current_user.is_authenticated:
        return redirect(url_for(".login"))
    return redirect(url_for("admin.languages"))


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"])
def login():
    """Check a username and password."""
    form = LoginForm()
    if form.validate_on_submit():
        user = staff.authenticate(form.username.data, form.password.data)
        if user:
            login_user(user)
            return redirect(_safe_next(request.args.get("next")) or url_for(".index"))
        form.password.errors.append(_("The username or password is not right."))
    return render_template("staff/login.html", form=form)


@bp.post("/logout")
def logout():
    """Sign out."""
    logout_user()
    flash(_("You have signed out."))
    return redirect(url_for(".login"))


def _safe_next(target: str | None) -> str | None:
    """Only follow redirects to our own staff pages."""
    return target if target and target.startswith("/staff/") and "//" not in target else None
