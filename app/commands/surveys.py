"""`flask surveys check|load`: validate consultation files and register them."""
import sys

import click
from flask import current_app
from flask.cli import AppGroup

from .. import languages
from ..questionnaire import DefinitionError, load_all
from ..registry import Registry

surveys_cli = AppGroup("surveys", help="Check and load consultation files in surveys/.")


@surveys_cli.command("check")
@click.option("--dir", "directory", default=None, help="Folder of consultations (default: surveys/).")
def check(directory):
    """Validate every consultation file and count missing translations."""
    directory = directory or current_app.config["SURVEYS_DIR"]
    try:
        found = load_all(directory)
    except DefinitionError as exc:
        for problem in exc.problems:
            click.echo(f"error: {problem}", err=True)
        sys.exit(1)
    registry = Registry(directory)
    for slug, c in sorted(found.items()):
        click.echo(f"ok: {slug} ({len(c.pages)} pages, {len(c.questions())} questions)")
        for lang in registry.languages_for(slug):
            if lang.code != languages.DEFAULT:
                missing = registry.missing(slug, lang.code)
                click.echo(f"  {lang.code}: {len(missing)} texts not translated")


@surveys_cli.command("load")
def load():
    """Register every consultation in the database (safe to repeat)."""
    from ..responses import consultation_row
    registry = current_app.extensions["registry"]
    for slug in sorted(registry.consultations):
        row = consultation_row(registry.get(slug))
        click.echo(f"loaded: {row.slug}")
