"""Flask CLI groups: `flask --app wsgi <group> <command>`."""
from flask import Flask


def init_app(app: Flask) -> None:
    """Attach every command group to the app."""
    from .analysis import analysis_cli
    from .consultations import consultations_cli
    from .responses import responses_cli
    from .staff import staff_cli
    from .surveys import surveys_cli
    from .translate import translate_cli
    for group in (surveys_cli, consultations_cli, responses_cli, analysis_cli, translate_cli,
                  staff_cli):
        app.cli.add_command(group)
