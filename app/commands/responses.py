"""`flask responses export`: responses as JSON lines or CSV, answers keyed by question id."""
import csv
import json
import sys

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..models import SUBMITTED, Consultation, Response

responses_cli = AppGroup("responses", help="Export responses.")
FIELDS = ["id", "consultation", "language", "channel", "status", "age_band", "started_at", "submitted_at"]


def _records(slug, include_partial):
    query = (select(Response).join(Consultation).options(selectinload(Response.answers))
             .order_by(Response.id).execution_options(yield_per=500))
    if slug:
        query = query.where(Consultation.slug == slug)
    if not include_partial:
        query = query.where(Response.status == SUBMITTED)
    for r in db.session.scalars(query):
        yield {"id": r.public_id, "consultation": r.consultation.slug, "language": r.language,
               "channel": r.channel, "status": r.status, "age_band": r.age_band,
               "started_at": r.started_at.isoformat(timespec="seconds"),
               "submitted_at": r.submitted_at.isoformat(timespec="seconds") if r.submitted_at else None,
               "answers": r.answer_map()}


def _cell(value) -> str:
    """Return a CSV cell; text that a spreadsheet would run as a formula is made inert."""
    if isinstance(value, list):
        value = ";".join(value)
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv(records, questions):
    writer = csv.writer(sys.stdout)
    writer.writerow(FIELDS + questions)
    for rec in records:
        answers = rec["answers"]
        writer.writerow([_cell(rec[f]) for f in FIELDS] + [_cell(answers.get(q)) for q in questions])


@responses_cli.command("export")
@click.option("--consultation", "slug", default=None, help="Only this consultation's slug.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl")
@click.option("--include-partial", is_flag=True, help="Also export responses not yet submitted.")
def export(slug, fmt, include_partial):
    """Write responses to standard output."""
    registry = current_app.extensions["registry"]
    if slug and slug not in registry.consultations:
        raise click.BadParameter(f"no consultation '{slug}'", param_hint="--consultation")
    records = _records(slug, include_partial)
    if fmt == "jsonl":
        for rec in records:
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
        return
    slugs = [slug] if slug else sorted(registry.consultations)
    _csv(records, [q.id for s in slugs for q in registry.get(s).questions()])
