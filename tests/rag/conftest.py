"""Fixtures for knowledge-base tests: a small mixed-format corpus, built once per session
(embedding with the real MiniLM model is the slow part)."""

from __future__ import annotations

import io
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

MARKDOWN = """# Gout

Gout is a form of arthritis caused by uric acid crystals building up in a joint.

## Symptoms
Sudden, severe pain, swelling and redness, often in the big toe, usually starting at night.

## Treatment
Anti-inflammatory medicines ease attacks; medicines that lower uric acid prevent new ones.

## References
- https://medlineplus.gov/gout.html
"""

HTML = """<html><head><title>Shingles</title><style>p {color: red}</style></head>
<body>
<h1>Shingles</h1>
<p>Shingles is a painful rash caused by the chickenpox virus waking up again years later.</p>
<script>var tracking = "do not index me";</script>
<h2>Vaccine</h2>
<p>A two-dose shingles vaccine is recommended for adults 50 and older.</p>
</body></html>
"""

MEDQUAD = """<?xml version="1.0" encoding="UTF-8"?>
<Document id="0000042" source="NIDDK" url="https://www.niddk.nih.gov/celiac">
<Focus>Celiac Disease</Focus>
<QAPairs>
  <QAPair pid="1">
    <Question qid="0000042-1" qtype="information">What is (are) Celiac Disease ?</Question>
    <Answer>Celiac disease is an immune disorder in which eating gluten damages the lining of the small intestine.</Answer>
  </QAPair>
  <QAPair pid="2">
    <Question qid="0000042-2" qtype="treatment">What are the treatments for Celiac Disease ?</Question>
    <Answer>The treatment is a lifelong gluten-free diet, avoiding wheat, barley and rye.</Answer>
  </QAPair>
  <QAPair pid="3">
    <Question qid="0000042-3" qtype="symptoms">What are the symptoms of Celiac Disease ?</Question>
    <Answer></Answer>
  </QAPair>
</QAPairs>
</Document>
"""


def write_corpus(root: Path) -> Path:
    src = root / "src"
    (src / "medquad" / "5_NIDDK_QA").mkdir(parents=True)
    (src / "gout.md").write_text(MARKDOWN)
    (src / "shingles.html").write_text(HTML)
    (src / "notes.txt").write_text("Anemia\n\nAnemia means the blood has too few healthy red blood cells to carry oxygen.\n")
    rows = [
        {"id": "kb-1", "title": "Migraine", "text": "A migraine is a headache with throbbing pain, often with nausea and light sensitivity.",
         "source": "https://example.org/migraine"},
        "{not json",
        {"id": "kb-1", "title": "Duplicate", "text": "Another text with the same id.", "source": "x"},
        {"id": "kb-2", "title": "Empty", "text": "   ", "source": "x"},
        {"title": "No id", "text": "Text without an id."},
        {"id": "kb-3", "title": "Gout copy", "text": "Gout is a form of arthritis caused by uric acid crystals building up in a joint.",
         "source": "https://example.org/gout-copy"},
        {"id": "kb-4", "title": "Migraine again",
         "text": "A migraine is a headache  with throbbing pain, often with nausea and light sensitivity.", "source": "y"},
    ]
    (src / "faq.jsonl").write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n")
    (src / "medquad" / "5_NIDDK_QA" / "0000042.xml").write_text(MEDQUAD)
    (src / "medquad" / "5_NIDDK_QA" / "broken.xml").write_text("<Document id='1'>\n<QAPairs>\n<QAPair>\n</Document>\n")
    (src / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00binary")
    (src / "latin1.md").write_bytes("# Caf\xe9\n\nna\xefve text\n".encode("latin-1"))
    (src / "empty.md").write_text("# Only a title\n\n## References\n- https://example.org\n")
    return src


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("kb-corpus"))


@pytest.fixture(scope="session")
def built_kb(corpus, tmp_path_factory):
    """(report, path) for a KB built from the corpus once for the session."""
    from medrails.rag import build_kb

    out = tmp_path_factory.mktemp("kb-built") / "kb"
    return build_kb([corpus], out), out


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture()
def kb_cli(capsys, monkeypatch):
    """Run `medrails ARGS` in process, as the console script does."""

    def run(*args: str) -> CliResult:
        from medrails.cli import main

        monkeypatch.setattr(sys, "argv", ["medrails", *args])
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8"))
        code = 0
        try:
            main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run
