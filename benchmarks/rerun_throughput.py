"""Time `flask analysis rerun` over stored answers, against a plain TextBlob sentiment loop over the same texts.

Run: .venv/bin/python benchmarks/rerun_throughput.py [--answers N] [--database URL]
Stores N free-text answers (default 5,000; the target is 100,000 in under 5 minutes) in a fresh SQLite database
in a temporary folder (or the empty database at URL, e.g. postgresql://127.0.0.1/test — its tables are dropped),
re-analyses them all and prints answers per second, the projected time for 100,000 and the ratio to TextBlob.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import text as sql
from textblob import TextBlob

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from app import create_app  # noqa: E402
from app.analysis import read_jsonl  # noqa: E402
from app.extensions import db  # noqa: E402
from app.models import Answer, Consultation, Response  # noqa: E402

DEV = REPO / "tests" / "analysis" / "data" / "poverty_dev.jsonl"
QUESTIONS = ("what-helps", "what-is-hard", "one-change")


def _store(count: int, texts: list[str]) -> None:
    """Store count answers (three per response, to three questions) in one consultation."""
    consultation = Consultation(slug="parents", title="parents", audience="adult", definition_hash="bench")
    db.session.add(consultation)
    for start in range(0, count, len(QUESTIONS)):
        response = Response(public_id=str(uuid.uuid4()), consultation=consultation, language="en")
        db.session.add(response)
        for offset, question in enumerate(QUESTIONS[:count - start]):
            value = texts[(start + offset) % len(texts)]
            db.session.add(Answer(response=response, question_id=question, value=value, is_free_text=True))
        if start % 3000 == 0:
            db.session.commit()
    db.session.commit()


def main() -> None:
    """Store the answers, time rerun and the TextBlob loop, and print the rates."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--answers", type=int, default=5000)
    parser.add_argument("--database", help="database URL (default: SQLite in a temporary folder)")
    args = parser.parse_args()
    texts = [r["text"] for r in read_jsonl(str(DEV))]
    with tempfile.TemporaryDirectory() as folder:
        url = args.database or f"sqlite:///{folder}/bench.db"
        app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench", "INSTANCE_PATH": folder})
        with app.app_context():
            if url.startswith("postgresql"):
                db.session.execute(sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
                db.session.commit()
            db.create_all()
            _store(args.answers, texts)
            stored = [a for a in db.session.execute(db.select(Answer.value)).scalars()]
        started = time.perf_counter()
        result = app.test_cli_runner().invoke(args=["analysis", "rerun"])
        rerun_seconds = time.perf_counter() - started
        if result.exit_code != 0:
            raise SystemExit(result.output)
        started = time.perf_counter()
        for value in stored:
            TextBlob(value).sentiment
        textblob_seconds = time.perf_counter() - started
    rerun_rate, textblob_rate = len(stored) / rerun_seconds, len(stored) / textblob_seconds
    print(f"database: {url.split(':')[0]}, answers: {len(stored):,}")
    print(f"TextBlob sentiment loop: {textblob_rate:,.0f} answers/s")
    print(f"analysis rerun:          {rerun_rate:,.0f} answers/s ({rerun_seconds:.1f} s, "
          "incl. reads, writes, key phrases)")
    print(f"ratio rerun/TextBlob:    {rerun_rate / textblob_rate:.2f}")
    print(f"projected for 100,000:   {100_000 / rerun_rate / 60:.1f} min (target < 5 min)")


if __name__ == "__main__":
    main()
