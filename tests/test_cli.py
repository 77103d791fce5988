"""Command-line interfaces for people and scripts: surveys, consultations, responses."""
import csv
import io
import json

import yaml

from tests.conftest import TEST_SURVEYS, make_app
from tests.journeys import answer_all, start
from tests.pages import Visitor


def _submitted_and_partial(app):
    done = Visitor(app.test_client())
    answer_all(done, start(done, "basic", "adult"))
    done.submit()
    partial = Visitor(app.test_client())
    start(partial, "basic", "adult")
    partial.submit({"colour": "blue"})


def test_surveys_check_passes_on_the_defaults(runner):
    result = runner.invoke(args=["surveys", "check"])
    assert result.exit_code == 0, result.output
    assert "ok: parents-carers" in result.output and "ok: children" in result.output


def test_surveys_check_names_file_and_question_on_error(runner, tmp_path):
    folder = tmp_path / "broken"
    folder.mkdir()
    raw = yaml.safe_load((TEST_SURVEYS / "routing" / "consultation.yaml").read_text())
    raw["slug"] = "broken"
    raw["pages"][0]["questions"][0]["type"] = "essay"
    (folder / "consultation.yaml").write_text(yaml.safe_dump(raw))
    result = runner.invoke(args=["surveys", "check", "--dir", str(tmp_path)])
    assert result.exit_code == 1
    assert f"{folder / 'consultation.yaml'}: question 'paid_work': type 'essay' is not one of" in result.output


def test_surveys_strings_prints_a_translation_template(runner):
    result = runner.invoke(args=["surveys", "strings", "children"])
    texts = yaml.safe_load(result.output)
    assert texts["title"] and texts["questions.feel_home.options.happy"] == "Happy"


def test_consultations_list_counts(tmp_path):
    app = make_app(tmp_path, SURVEYS_DIR=str(TEST_SURVEYS))
    _submitted_and_partial(app)
    output = app.test_cli_runner().invoke(args=["consultations", "list"]).output
    row = next(line for line in output.splitlines() if line.startswith("basic"))
    assert row.split()[-2:] == ["2", "1"]


def test_export_jsonl_and_csv(tmp_path):
    app = make_app(tmp_path, SURVEYS_DIR=str(TEST_SURVEYS))
    _submitted_and_partial(app)
    runner = app.test_cli_runner()
    lines = runner.invoke(args=["responses", "export", "--consultation", "basic"]).output.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert set(record) >= {"id", "consultation", "language", "channel", "started_at", "submitted_at", "answers"}
    assert record["answers"]["pets"] == ["cat"] and record["answers"]["colour"] == "red"
    everything = runner.invoke(args=["responses", "export", "--include-partial"]).output.splitlines()
    assert len(everything) == 2
    table = list(csv.DictReader(io.StringIO(runner.invoke(
        args=["responses", "export", "--format", "csv", "--consultation", "basic"]).output)))
    assert table[0]["pets"] == "cat" and table[0]["channel"] == "self"


def test_export_makes_spreadsheet_formulas_inert(tmp_path):
    app = make_app(tmp_path, SURVEYS_DIR=str(TEST_SURVEYS))
    visitor = Visitor(app.test_client())
    start(visitor, "basic", "adult")
    visitor.get("/en/c/basic/q/words")
    visitor.submit({"nickname": "=1+1"})
    output = app.test_cli_runner().invoke(
        args=["responses", "export", "--format", "csv", "--include-partial"]).output
    assert "'=1+1" in output


def test_export_unknown_consultation_is_a_clear_error(runner):
    result = runner.invoke(args=["responses", "export", "--consultation", "nope"])
    assert result.exit_code == 2 and "no consultation 'nope'" in result.output


def test_surveys_check_reports_missing_pictures_and_recordings(runner):
    result = runner.invoke(args=["surveys", "check", "--dir", str(TEST_SURVEYS)])
    assert result.exit_code == 1
    assert "audio: question 'mood': audio file 'audio/hello.wav' is missing" in result.output
