"""`flask staff create|local-admin`: staff accounts from the command line."""
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from .. import staff
from ..models import ROLES

staff_cli = AppGroup("staff", help="Staff accounts.")


@staff_cli.command("create")
@click.argument("username")
@click.option("--role", type=click.Choice(ROLES), default="analyst")
def create(username, role):
    """Create a staff account and print its generated password once."""
    try:
        _user, password = staff.create(username, role)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"created {role} '{username}' with password: {password}")


@staff_cli.command("local-admin")
def local_admin():
    """Create a local admin on first run and print its login (kept in instance/local_admin.txt)."""
    login_file = Path(current_app.instance_path) / "local_admin.txt"
    if staff.count() == 0:
        _user, password = staff.create("admin", "admin")
        login_file.write_text(f"username: admin\npassword: {password}\n")
        login_file.chmod(0o600)
    if login_file.exists():
        click.echo("Local admin login (change it before real use) at /staff/:")
        click.echo(login_file.read_text().rstrip())
