"""Schema changes go through migrations: upgrading an empty database gives exactly the models."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade
from sqlalchemy import inspect, text

from app.extensions import db
from tests.conftest import make_app


def test_migrations_build_the_same_schema_as_the_models(tmp_path):
    app = make_app(tmp_path, fresh=False)
    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            db.session.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
            db.session.commit()
        upgrade()
        assert {"responses", "answers", "text_analyses", "safeguarding_flags"} <= set(inspect(db.engine).get_table_names())
        with db.engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), db.metadata)
        assert diff == []
        db.engine.dispose()
