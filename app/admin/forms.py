"""Admin forms."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional


class ReviewForm(FlaskForm):
    """Record a qualified translator's review of one language and scope."""

    language = SelectField(_l("Language"), validators=[InputRequired()])
    scope = SelectField(_l("What was reviewed"), validators=[InputRequired()])
    translator = StringField(_l("Translator's name and qualification"),
                             validators=[InputRequired(_l("Enter who reviewed it.")), Length(max=120)])
    note = TextAreaField(_l("Note (optional)"), validators=[Optional(), Length(max=2000)])
