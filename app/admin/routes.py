"""Languages: coverage and review status; admins record a translator's review."""
from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from .. import languages, translation_status
from ..auth.roles import role_required
from . import bp
from .forms import ReviewForm


def _review_form() -> ReviewForm:
    form = ReviewForm()
    form.language.choices = [SelectChoice(x.code, x.english_name) for x in languages.LANGUAGES
                             if x.code != languages.DEFAULT]
    slugs = sorted(current_app.extensions["registry"].consultations)
    form.scope.choices = [SelectChoice(s, s) for s in
                          [translation_status.INTERFACE, *slugs, "signposting"]]
    return form


@bp.route("/languages", methods=["GET", "POST"], endpoint="languages")
@role_required("admin")
def languages_page():
    """Show each language's coverage and review; record a review."""
    form = _review_form()
    if form.validate_on_submit():
        translation_status.record_review(form.language.data, form.scope.data, form.translator.data,
                                         form.note.data or None, current_user.id)
        flash(_("Review recorded."))
        return redirect(url_for(".languages"))
    return render_template("staff/languages.html", rows=translation_status.language_rows(), form=form)

