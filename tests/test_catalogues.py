"""The interface catalogues: complete, not fuzzy, placeholders intact, and they compile."""
import re
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

CATALOGUES = sorted((Path(__file__).parent.parent / "translations").glob("*/LC_MESSAGES/messages.po"))
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _load(path):
    with path.open("rb") as handle:
        return read_po(handle)


def test_there_is_a_catalogue_per_translated_language():
    assert {p.parts[-3] for p in CATALOGUES} == {"ar", "ckb", "cs", "pa_Arab", "pl", "ro", "sk", "ur"}


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_catalogue_is_complete_and_compiles(path, tmp_path):
    catalog = _load(path)
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings) and not message.fuzzy, f"untranslated or fuzzy: {message.id!r}"
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        expected = set(PLACEHOLDER.findall(ids[-1]))
        for text in strings:
            assert set(PLACEHOLDER.findall(text)) == expected, f"placeholders differ in {message.id!r}"
    assert "# Status: draft — awaiting review by a qualified translator" in catalog.header_comment
    with (tmp_path / "messages.mo").open("wb") as handle:
        write_mo(handle, catalog)
