"""Respondent forms: built from the consultation definition at request time."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, RadioField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, ValidationError

from ..questionnaire import Consultation, Page
from ..questionnaire.definition import PREFER_NOT
from .fields import build_field, clean_text

PNTS = "__prefer_not"


class BaseForm(FlaskForm):
    """Every respondent form: CSRF, plus a signed reference to the person's response."""

    rid = HiddenField()


def page_form(page: Page, answers: dict[str, Any], faces: int, formdata=None) -> BaseForm:
    """Return the form for one page, filled from saved answers unless formdata is given."""
    questions = page.visible_questions(answers)
    data = {}
    for q in questions:
        value = answers.get(q.id)
        if q.type == "number" and q.prefer_not_to_say:
            data[q.id + PNTS] = value == PREFER_NOT
            value = None if value == PREFER_NOT else value
        data[q.id] = str(value) if isinstance(value, int) else value
    return _form_class(page, tuple(q.id for q in questions), faces)(formdata=formdata, data=data)


@lru_cache(maxsize=512)
def _form_class(page: Page, question_ids: tuple[str, ...], faces: int) -> type[BaseForm]:
    # A page's form class depends only on its (localised) definition, so build it once.
    class PageForm(BaseForm):
        pass

    for q in page.questions:
        if q.id not in question_ids:
            continue
        setattr(PageForm, q.id, build_field(q, faces))
        if q.type == "number" and q.prefer_not_to_say:
            setattr(PageForm, q.id + PNTS, BooleanField(_l("Prefer not to say")))
    return PageForm


def page_values(form: BaseForm, page: Page, answers: dict[str, Any]) -> dict[str, Any]:
    """Return {question_id: value} from a validated page form."""
    values: dict[str, Any] = {}
    for q in page.visible_questions(answers):
        value = form[q.id].data
        if q.type == "number":
            if q.id + PNTS in form._fields and form[q.id + PNTS].data:
                value = PREFER_NOT
            elif value:
                value = int(value)
        values[q.id] = value
    return values


def only_csrf_failed(form: BaseForm) -> bool:
    """Return True when the only problem is an expired or missing CSRF token."""
    return set(form.errors) == {"csrf_token"}


class StartForm(BaseForm):
    """The 'about you' step: age band and an explicit 'I want to take part'."""

    nonce = HiddenField()
    age_band = RadioField(_l("How old are you?"), validate_choice=False)
    agree = BooleanField(_l("I want to take part"),
                         validators=[DataRequired(_l("Tick the box if you want to take part."))])

    def validate_age_band(self, field):
        """Accept an empty answer or one of the offered bands."""
        if field.data and field.data not in {c.value for c in field.choices}:
            raise ValidationError(_l("Choose one of the options shown."))


def start_form(consultation: Consultation, formdata=None) -> StartForm:
    """Return the start form with this consultation's age bands."""
    form = StartForm(formdata=formdata)
    form.age_band.choices = [SelectChoice(b.id, b.text) for b in consultation.age_bands]
    form.age_band.choices.append(SelectChoice(PREFER_NOT, _l("Prefer not to say")))
    return form


class ResumeForm(BaseForm):
    """Type a resume code."""

    code = StringField(_l("Your code"), filters=[clean_text],
                       validators=[InputRequired(_l("Enter your code. It looks like K7QM-3XPD."))])


class SubmitForm(BaseForm):
    """Check your answers: just the button."""
