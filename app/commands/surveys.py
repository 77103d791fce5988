"""`flask surveys check|load`: validate consultation files and register them."""
import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

import yaml

from .. import languages, signposting
from ..questionnaire import DefinitionError
from ..questionnaire.strings import source_strings
from ..registry import Registry

surveys_cli = AppGroup("surveys", help="Check and load consultation files in surveys/.")


@surveys_cli.command("check")
@click.option("--dir", "directory", default=None, help="Folder of consultations (default: surveys/).")
def check(directory):
    """Validate every consultation file and count missing translations."""
    directory = directory or current_app.config["SURVEYS_DIR"]
    try:
        registry = Registry(directory)
    except DefinitionError as exc:
        for problem in exc.problems:
            click.echo(f"error: {problem}", err=True)
        sys.exit(1)
    found = registry.consultations
    missing_files = _missing_media(found.values(), Path(current_app.static_folder))
    for problem in missing_files:
        click.echo(f"error: {problem}", err=True)
    if missing_files:
        sys.exit(1)
    for slug, c in sorted(found.items()):
        click.echo(f"ok: {slug} ({len(c.pages)} pages, {len(c.questions())} questions)")
        for lang in registry.languages_for(slug):
            if lang.code != languages.DEFAULT:
                missing = registry.missing(slug, lang.code)
                click.echo(f"  {lang.code}: {len(missing)} texts not translated")
    for lang in (l for l in languages.LANGUAGES if l.locale != "en"):
        click.echo(f"signposting {lang.code}: {len(signposting.missing(lang.code))} texts not translated")


def _missing_media(consultations, static: Path) -> list[str]:
    """Return a problem for each picture or recording a definition names but the app lacks."""
    problems = []
    for c in consultations:
        for q in c.questions():
            if q.audio and not (static / "audio" / q.audio).exists():
                problems.append(f"{c.slug}: question '{q.id}': audio file 'audio/{q.audio}' is missing")
            problems += [f"{c.slug}: question '{q.id}': icon 'icons/{o.icon}.svg' is missing"
                         for o in q.options if o.icon and not (static / "icons" / f"{o.icon}.svg").exists()]
    return problems


@surveys_cli.command("load")
def load():
    """Register every consultation in the database (safe to repeat)."""
    from ..responses import consultation_row
    registry = current_app.extensions["registry"]
    for slug in sorted(registry.consultations):
        row = consultation_row(registry.get(slug))
        click.echo(f"loaded: {row.slug}")


@surveys_cli.command("strings")
@click.argument("slug")
@click.option("--lang", default=None, help="Only the texts not yet translated into this language.")
def strings(slug, lang):
    """Print a consultation's texts as a translation file to fill in."""
    registry = current_app.extensions["registry"]
    if slug not in registry.consultations:
        raise click.BadParameter(f"no consultation '{slug}'", param_hint="SLUG")
    texts = source_strings(registry.consultations[slug])
    if lang:
        texts = {k: v for k, v in texts.items() if k in registry.missing(slug, lang)}
    click.echo(yaml.safe_dump(texts, allow_unicode=True, sort_keys=False, width=100), nl=False)
