"""`flask translate extract|update|compile|check`: a thin wrapper around pybabel."""
import sys
from pathlib import Path

import click
from babel.messages.frontend import CommandLineInterface
from flask import current_app
from flask.cli import AppGroup

from ..config import ROOT

translate_cli = AppGroup("translate", help="Interface text catalogues in translations/.")


def _pybabel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *args])


def _dir() -> str:
    return current_app.config["TRANSLATIONS_DIR"]


@translate_cli.command("extract")
def extract():
    """Collect every translatable string into translations/messages.pot."""
    _pybabel("extract", "-F", str(ROOT / "babel.cfg"), "-k", "_l", "--no-location",
             "--sort-output", "-o", f"{_dir()}/messages.pot", str(ROOT / "app"))


@translate_cli.command("update")
def update():
    """Merge messages.pot into every language's messages.po."""
    _pybabel("update", "-i", f"{_dir()}/messages.pot", "-d", _dir(), "--no-fuzzy-matching")


@translate_cli.command("compile")
def compile_catalogues():
    """Compile every messages.po to messages.mo."""
    if any(Path(_dir()).glob("*/LC_MESSAGES/messages.po")):
        _pybabel("compile", "-d", _dir(), "--use-fuzzy")


@translate_cli.command("check")
def check():
    """Fail when any catalogue has untranslated or fuzzy entries."""
    from ..translation_status import interface_coverage
    problems = 0
    for po in sorted(Path(_dir()).glob("*/LC_MESSAGES/messages.po")):
        done, total, _status = interface_coverage(po.parts[-3])
        problems += total - done
        click.echo(f"{po.parts[-3]}: {done} translated, {total - done} missing or fuzzy")
    sys.exit(1 if problems else 0)


@translate_cli.command("status")
def status():
    """Print a Markdown table: language, direction, script, coverage, review status."""
    from ..translation_status import language_rows
    click.echo("| language | code | direction | script | coverage | review status |")
    click.echo("|---|---|---|---|---|---|")
    for row in language_rows():
        lang = row["language"]
        review = "reviewed" if row["reviewed"] else (row["status"] or "draft")
        click.echo(f"| {lang.english_name} ({lang.name}) | `{lang.code}` | {lang.dir.upper()} | "
                   f"{lang.script} | {row['coverage']:.0%} | {review} |")
