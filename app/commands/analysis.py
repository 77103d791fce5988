"""`flask analysis ...`: classify JSON lines, evaluate against coded data, re-analyse stored answers."""
from __future__ import annotations

import json
import sys
from typing import Any, TextIO

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from ..analysis import (
    Analyser, Codebook, cross_validate, evaluate, format_report, question_of, read_jsonl,
)
from ..extensions import db
from ..models import Answer, Consultation, Response
from ..screening import build_analyser
from ..text_analysis_store import answer_question, store_analysis

analysis_cli = AppGroup("analysis", help="Theme, score and screen free-text answers.")
BATCH = 500
CLASSIFY_FIELDS = ("language", "themes", "confidence", "stance", "sentiment", "safeguarding", "redacted")


def _codebook() -> Codebook:
    """Load the codebook configured for this app."""
    return Codebook.load(current_app.config["CODEBOOK_PATH"])


def _stored_analyser() -> Analyser:
    """Build an analyser from the codebook plus the coding people have stored."""
    return build_analyser()


def _item(row: dict[str, Any]) -> tuple[str, str | None, str | None]:
    """Return (text, language, question context) for one input line."""
    language = row.get("language")
    return row["text"], language if isinstance(language, str) else None, question_of(row)


def _parse(line: str) -> dict[str, Any]:
    """Parse one input line; raise ValueError with a readable reason when it is unusable."""
    item = json.loads(line)
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise ValueError('each line must be a JSON object with a "text" string')
    return item


@analysis_cli.command("classify")
def classify_command() -> None:
    """Read {"id","text","language"} JSON lines on stdin; write one result line per input."""
    classify_stream(sys.stdin, sys.stdout, _stored_analyser())


def classify_stream(source: TextIO, sink: TextIO, analyser: Analyser) -> None:
    """Classify a stream of JSON lines in batches; malformed lines give an error line."""
    batch: list[tuple[Any, dict[str, Any] | str]] = []
    for line in source:
        if not line.strip():
            continue
        try:
            item = _parse(line)
            batch.append((item.get("id"), item))
        except (ValueError, TypeError) as error:
            batch.append((None, f"malformed input: {error}"))
        if len(batch) >= BATCH:
            _flush(batch, sink, analyser)
            batch = []
    _flush(batch, sink, analyser)


def _flush(batch: list[tuple[Any, dict[str, Any] | str]], sink: TextIO, analyser: Analyser) -> None:
    """Analyse the good items of a batch together and write every line in input order."""
    good = [item for _, item in batch if isinstance(item, dict)]
    results = iter(analyser.analyse_many([_item(i) for i in good], with_key_phrases=False))
    for item_id, item in batch:
        if isinstance(item, str):
            out: dict[str, Any] = {"id": item_id, "error": item}
        else:
            result = next(results)
            out = {"id": item_id, **{k: result[k] for k in CLASSIFY_FIELDS}}
        sink.write(json.dumps(out, ensure_ascii=False) + "\n")
    sink.flush()


def _learned_predictor(train: list[dict[str, Any]], test: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Learn a codebook purely from train's labels (any codebook) and predict test."""
    codes = sorted({c for row in train for c in row.get("themes", [])})
    codebook = Codebook.from_dict({"version": "learned", "codes": [{"code": c} for c in codes]})
    analyser = Analyser(codebook, _with_stance(train), always_one_theme=True)
    return analyser.analyse_many([_item(r) for r in test], with_key_phrases=False)


def _with_stance(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Copy rows, turning neg/neu/pos sentiment labels into stance labels for training."""
    from ..analysis.evaluation import gold_stance
    return [{**r, "stance": gold_stance(r), "question": question_of(r)} for r in rows]


@analysis_cli.command("evaluate")
@click.option("--test", "test_path", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--train", "train_path", type=click.Path(exists=True, dir_okay=False))
@click.option("--folds", type=int, default=0, help="k-fold cross-validation on the --test file.")
def evaluate_command(test_path: str, train_path: str | None, folds: int) -> None:
    """Print per-theme precision/recall/F1, micro and macro F1, and stance scores."""
    test = read_jsonl(test_path)
    if folds and folds > 1:
        predictor = _learned_predictor if train_path or _foreign_codes(test) else _builtin_predictor
        report = cross_validate(test, predictor, folds)
    elif train_path:
        report = evaluate(read_jsonl(train_path), test, _learned_predictor)
    else:
        analyser = _stored_analyser()
        report = evaluate([], test, lambda _t, rows: analyser.analyse_many(
            [_item(r) for r in rows], with_key_phrases=False))
    click.echo(format_report(report))


def _foreign_codes(rows: list[dict[str, Any]]) -> bool:
    """Return True when rows use codes that are not in the built-in codebook."""
    known = set(_codebook().code_names)
    return any(c not in known for r in rows for c in r.get("themes", []))


def _builtin_predictor(train: list[dict[str, Any]], test: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Use the built-in codebook's rules plus a classifier learned from train's labels."""
    analyser = Analyser(_codebook(), _with_stance(train), current_app.config.get("SCHOOL_NAMES", ()))
    return analyser.analyse_many([_item(r) for r in test], with_key_phrases=False)


@analysis_cli.command("rerun")
@click.option("--consultation", "slug", help="Only this consultation's answers.")
def rerun_command(slug: str | None) -> None:
    """Re-analyse stored free-text answers, updating analyses and opening safeguarding flags."""
    analyser = _stored_analyser()
    query = select(Answer.id).where(Answer.is_free_text.is_(True))
    if slug:
        query = query.join(Response, Response.id == Answer.response_id).join(
            Consultation, Consultation.id == Response.consultation_id).where(Consultation.slug == slug)
    ids = list(db.session.execute(query.order_by(Answer.id)).scalars())
    with click.progressbar(length=len(ids), label="Analysing answers") as bar:
        for start in range(0, len(ids), BATCH):
            chunk = ids[start:start + BATCH]
            _rerun_batch(chunk, analyser)
            bar.update(len(chunk))
    click.echo(f"Analysed {len(ids)} answers with codebook {analyser.codebook.version}.")


def _rerun_batch(ids: list[int], analyser: Analyser) -> None:
    """Analyse one batch of answers and commit it."""
    # Load analyses, responses and consultations with the answers: lazy loads would cost a query (and an
    # autoflush) per answer.
    answers = list(db.session.execute(select(Answer).where(Answer.id.in_(ids)).options(
        selectinload(Answer.analysis), joinedload(Answer.response).joinedload(Response.consultation),
    )).unique().scalars())
    texts = [a for a in answers if isinstance(a.value, str)]
    results = analyser.analyse_many([(a.value, a.response.language, answer_question(a)) for a in texts])
    for answer, result in zip(texts, results):
        store_analysis(answer, result, analyser.codebook.version)
    db.session.commit()
    db.session.expire_all()
