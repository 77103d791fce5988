"""Respondent journey: start → about you → question pages → check → done; save and resume."""
from __future__ import annotations

from datetime import date

from flask import abort, current_app, flash, g, redirect, render_template, request, session, url_for
from flask_babel import gettext as _

from .. import languages, responses, signposting
from ..extensions import limiter
from ..models import SUBMITTED
from ..questionnaire import Navigator
from ..questionnaire.navigation import CHECK
from . import bp, state, summary
from .forms import ResumeForm, SubmitForm, only_csrf_failed, page_form, page_values, start_form


ACCESSIBILITY_REVIEWED = date(2026, 11, 26)


@bp.url_value_preprocessor
def pull_lang(_endpoint, values):
    """Take the language from the URL; an unknown one is a 404."""
    g.lang = (values or {}).pop("lang", None)
    if languages.get(g.lang) is None:
        abort(404)


@bp.url_defaults
def add_lang(_endpoint, values):
    """Keep the current language in every URL we build."""
    values.setdefault("lang", getattr(g, "lang", None) or languages.DEFAULT)


@bp.get("/")
def home():
    """List the open consultations."""
    reg = state.registry()
    found = [reg.get(slug, g.lang) for slug in sorted(reg.consultations)]
    return render_template("respond/home.html", consultations=[c for c in found if state.is_open(c)])


@bp.get("/c/<slug>/")
def start(slug):
    """Explain the consultation before anyone agrees to take part."""
    c = state.definition(slug)
    return render_template("respond/start.html", c=c, open=state.is_open(c),
                           languages=state.registry().languages_for(slug))


@bp.route("/c/<slug>/about-you", methods=["GET", "POST"])
def about_you(slug):
    """Ask the age band and for an explicit 'I want to take part'."""
    c = state.definition(slug)
    if not state.is_open(c):
        return redirect(url_for(".start", slug=slug))
    form = start_form(c, request.form if request.method == "POST" else None)
    if request.method == "GET":
        form.nonce.data = responses.new_nonce()
    elif form.validate():
        response = responses.start(state.registry().get(slug), age_band=form.age_band.data or None,
                                   language=g.lang, nonce=responses.valid_nonce(form.nonce.data))
        state.remember(slug, response)
        return redirect(url_for(".question", slug=slug, page_id=Navigator(c, {}).first_page()))
    return render_template("respond/about_you.html", c=c, form=form,
                           timed_out=request.method == "POST" and only_csrf_failed(form))


@bp.route("/c/<slug>/q/<page_id>", methods=["GET", "POST"])
def question(slug, page_id):
    """Show one page of questions and save its answers when submitted."""
    c = state.definition(slug)
    response = state.current(slug, request.form.get("rid"))
    if response is None:
        flash(_("Your session has ended. If you saved your answers, enter your code to carry on."))
        return redirect(url_for(".resume"))
    if response.status == SUBMITTED:
        return redirect(url_for(".done", slug=slug))
    answers = response.answer_map()
    nav = Navigator(c, answers, response.pages_seen)
    page = c.page(page_id)
    if page is None or not nav.is_visible(page_id):
        return redirect(url_for(".question", slug=slug, page_id=nav.resume_point())
                        if nav.resume_point() != CHECK else url_for(".check", slug=slug))
    band = c.age_band(response.age_band)
    form = page_form(page, answers, band.faces if band else 5,
                     request.form if request.method == "POST" else None)
    if request.method == "POST" and form.validate():
        return _after_save(c, response, page, page_values(form, page, answers))
    timed_out = request.method == "POST" and only_csrf_failed(form)
    if request.method == "GET":
        responses.set_language(response, g.lang)
    form.rid.data = state.token_for(response)
    return render_template("respond/question.html", c=c, page=page, form=form, nav=nav,
                           questions=page.visible_questions(answers), timed_out=timed_out,
                           back=nav.previous_before(page_id), band=band,
                           help_now=_pop_help_now())


def _pop_help_now() -> bool:
    """Return True once after an answer that may be a disclosure (without touching the cookie otherwise)."""
    return bool(session.pop("help_now", False)) if "help_now" in session else False


def _after_save(c, response, page, values):
    flagged = responses.save_page(response, page, values, language=g.lang)
    if flagged:
        session["help_now"] = True
    if request.form.get("action") == "save":
        return redirect(url_for(".saved", slug=c.slug))
    nav = Navigator(c, response.answer_map(), response.pages_seen)
    target = nav.resume_point() if request.args.get("change") else nav.next_after(page.id)
    if target == CHECK:
        return redirect(url_for(".check", slug=c.slug))
    return redirect(url_for(".question", slug=c.slug, page_id=target,
                            change=request.args.get("change")))


@bp.route("/c/<slug>/check", methods=["GET", "POST"])
def check(slug):
    """Show every answer with Change links; submitting is safe to repeat."""
    c = state.definition(slug)
    response = state.current(slug, request.form.get("rid"))
    if response is None:
        return redirect(url_for(".resume"))
    form = SubmitForm(formdata=request.form if request.method == "POST" else None)
    if response.status == SUBMITTED:
        return redirect(url_for(".done", slug=slug))
    if request.method == "POST" and form.validate():
        responses.submit(response, state.registry().get(slug))
        return redirect(url_for(".done", slug=slug))
    nav = Navigator(c, response.answer_map(), response.pages_seen)
    form.rid.data = state.token_for(response)
    return render_template("respond/check.html", c=c, form=form, back=nav.previous_before(CHECK),
                           rows=summary.rows(c, nav), timed_out=request.method == "POST",
                           help_now=_pop_help_now())


@bp.get("/c/<slug>/done")
def done(slug):
    """Thank the person, give a receipt code and show where to get help."""
    c = state.definition(slug)
    response = state.current(slug)
    if response is None or response.status != SUBMITTED:
        return redirect(url_for(".start", slug=slug))
    return render_template("respond/done.html", c=c, receipt=response.receipt_code,
                           contacts=signposting.for_audience(c.audience, g.lang))


@bp.get("/c/<slug>/saved")
def saved(slug):
    """Show the code to come back with (the same one while this browser remembers it)."""
    c = state.definition(slug)
    response = state.current(slug)
    if response is None or response.status == SUBMITTED:
        return redirect(url_for(".start", slug=slug))
    codes = session.setdefault("codes", {})
    if response.public_id not in codes or not response.resume_code_hash:
        codes[response.public_id] = responses.issue_resume_code(
            response, current_app.config["RESUME_CODE_DAYS"])
        session.modified = True
    point = Navigator(c, response.answer_map(), response.pages_seen).resume_point()
    carry_on = (url_for(".check", slug=slug) if point == CHECK
                else url_for(".question", slug=slug, page_id=point))
    return render_template("respond/saved.html", c=c, code=codes[response.public_id],
                           expires=response.resume_expires_at, carry_on=carry_on)


def _resume_limit() -> str:
    return current_app.config["RESUME_RATE_LIMIT"]


@bp.route("/resume", methods=["GET", "POST"])
@limiter.limit(_resume_limit, methods=["POST"])
def resume():
    """Take a resume code and return the person to where they stopped, in their language."""
    form = ResumeForm(formdata=request.form if request.method == "POST" else None)
    if request.method == "POST" and form.validate():
        response = responses.resume(form.code.data)
        if response is not None:
            slug = response.consultation.slug
            state.remember(slug, response)
            c = state.registry().get(slug, response.language)
            point = Navigator(c, response.answer_map(), response.pages_seen).resume_point()
            if point == CHECK:
                return redirect(url_for(".check", slug=slug, lang=response.language))
            return redirect(url_for(".question", slug=slug, page_id=point, lang=response.language))
        form.code.errors.append(_("We could not find that code. Check it and try again. "
                                  "Codes stop working after 30 days."))
    return render_template("respond/resume.html", form=form)


@bp.get("/accessibility")
def accessibility():
    """Show the accessibility statement."""
    return render_template("respond/accessibility.html", reviewed=ACCESSIBILITY_REVIEWED)


@bp.get("/privacy")
def privacy():
    """Show the privacy notice in three reading levels."""
    return render_template("respond/privacy.html")
