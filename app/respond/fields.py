"""Field builders: one per question type, built from the definition at request time."""
from __future__ import annotations

import re
import unicodedata

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from ..questionnaire import Question
from ..questionnaire.definition import PREFER_NOT

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def clean_text(value):
    """Strip, normalise to NFC and drop control characters (hostile or broken input)."""
    if not isinstance(value, str):
        return value
    return unicodedata.normalize("NFC", CONTROL.sub("", value)).strip()


class CheckboxesField(SelectMultipleField):
    """Several checkboxes; an 'exclusive' option cannot be chosen with others."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def pre_validate(self, form):
        """Refuse options that were not offered."""
        valid = {c.value for c in self.choices}
        if any(v not in valid for v in self.data or []):
            raise ValidationError(_l("Choose from the options shown."))


class ChoiceField(RadioField):
    """Radio buttons with a friendly message for an unknown option."""

    def pre_validate(self, form):
        """Refuse an option that was not offered."""
        if self.data not in (None, "") and self.data not in {c.value for c in self.choices}:
            raise ValidationError(_l("Choose one of the options shown."))


class DropdownField(SelectField):
    """A select list whose empty first choice means 'not answered'."""

    def pre_validate(self, form):
        """Refuse an option that was not offered."""
        if self.data and self.data not in {c.value for c in self.choices}:
            raise ValidationError(_l("Choose one of the options shown."))


def _choices(q: Question, faces: int) -> list[SelectChoice]:
    out = [SelectChoice(o.id, o.text) for o in q.options_for(faces)]
    if q.prefer_not_to_say:
        out.append(SelectChoice(PREFER_NOT, _l("Prefer not to say")))
    return out


def _exclusive(q: Question):
    exclusive = {o.id for o in q.options if o.exclusive} | ({PREFER_NOT} if q.prefer_not_to_say else set())

    def check(form, field):
        chosen = set(field.data or [])
        if len(chosen) > 1 and chosen & exclusive:
            raise ValidationError(_l("You cannot choose “%(option)s” together with other answers.",
                                     option=_option_label(field, chosen & exclusive)))
    return check


def _option_label(field, ids: set[str]) -> str:
    return next((str(c.label) for c in field.choices if c.value in ids), "")


def _number(q: Question):
    def check(form, field):
        value = (field.data or "").strip()
        if not value or value == PREFER_NOT:
            return
        if not re.fullmatch(r"\d{1,6}", value):
            raise ValidationError(_l("Enter a whole number, like 3."))
        low, high = q.min if q.min is not None else 0, q.max if q.max is not None else 999999
        if not low <= int(value) <= high:
            raise ValidationError(_l("Enter a number from %(low)s to %(high)s.", low=low, high=high))
    return check



def build_field(q: Question, faces: int):
    """Return an unbound WTForms field for a question."""
    label, filters = q.text, [clean_text]
    if q.type in ("single", "scale"):
        return ChoiceField(label, choices=_choices(q, faces), validators=[Optional()], validate_choice=False)
    if q.type == "select":
        return DropdownField(label, choices=[SelectChoice("", _l("Choose an option"))] + _choices(q, faces),
                             validators=[Optional()], validate_choice=False)
    if q.type == "multiple":
        return CheckboxesField(label, choices=_choices(q, faces), validators=[_exclusive(q)])
    if q.type == "number":
        return StringField(label, filters=filters, validators=[_number(q)])
    field_class = TextAreaField if q.type == "long_text" else StringField
    return field_class(label, filters=filters, validators=[_LengthInChars(q.max_length)])


class _LengthInChars:
    """Check length and say how long the answer is now (a plain Length can't)."""

    def __init__(self, limit: int):
        self.limit = limit

    def __call__(self, form, field):
        length = len(field.data or "")
        if length > self.limit:
            raise ValidationError(_l("Your answer must be %(max)s characters or fewer. It has %(length)s.",
                                     max=self.limit, length=length))
