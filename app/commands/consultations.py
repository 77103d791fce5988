"""`flask consultations list`: each consultation with its counts."""
import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import func, select

from ..extensions import db
from ..models import Consultation, Response

consultations_cli = AppGroup("consultations", help="Consultations and their counts.")


@consultations_cli.command("list")
def list_consultations():
    """Print each consultation with started and submitted counts."""
    counts = dict(
        ((slug, status), n) for slug, status, n in db.session.execute(
            select(Consultation.slug, Response.status, func.count(Response.id))
            .join(Response, Response.consultation_id == Consultation.id)
            .group_by(Consultation.slug, Response.status)))
    registry = current_app.extensions["registry"]
    click.echo(f"{'slug':<18} {'audience':<8} {'opens':<10} {'closes':<10} {'started':>8} {'submitted':>9}")
    for slug in sorted(registry.consultations):
        c = registry.get(slug)
        started = counts.get((slug, "in_progress"), 0) + counts.get((slug, "submitted"), 0)
        click.echo(f"{slug:<18} {c.audience:<8} {c.opens} {c.closes} {started:>8} "
                   f"{counts.get((slug, 'submitted'), 0):>9}")
