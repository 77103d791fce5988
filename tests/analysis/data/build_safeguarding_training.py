"""Rebuild app/analysis/data/safeguarding_training.jsonl from the labelled sets in this folder.

    .venv/bin/python tests/analysis/data/build_safeguarding_training.py

The packaged file is what the learned safeguarding layer trains on at run time (the app never reads
tests/). Each row keeps its source set and its writer group, so benchmarks/safeguarding_loso.py can hold
out everything one writer produced (sets by the same writer share a style, so holding out one set alone
would flatter the model).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).parent
TARGET = HERE.parents[2] / "app" / "analysis" / "data" / "safeguarding_training.jsonl"
PATTERN = re.compile(r"safeguarding_(dev|ordinary(?:_\d+)?|blind_\d+|negatives_\d+)\.jsonl$")


def rows_of(path: Path) -> list[dict]:
    """Return one set's rows as training rows: id, text, language, label, source, group."""
    source = PATTERN.search(path.name).group(1)
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        label = bool(row.get("safeguarding", row.get("disclosure")))
        out.append({"id": row["id"], "text": row["text"], "language": row["language"], "label": label,
                    "source": source, "group": row.get("group", source)})
    return out


def main() -> None:
    """Write every set's rows, in a stable order, to the packaged training file."""
    paths = sorted((p for p in HERE.glob("safeguarding_*.jsonl") if PATTERN.search(p.name)),
                   key=lambda p: [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", p.name)])
    rows = [row for path in paths for row in rows_of(path)]
    with open(TARGET, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} rows from {len(paths)} sets -> {TARGET}")


if __name__ == "__main__":
    main()
