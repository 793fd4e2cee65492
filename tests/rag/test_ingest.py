"""Reading sources: sections with line ranges, and every bad record skipped with file, line and reason."""

from __future__ import annotations

from medrails.rag.chunking import chunk_document, deduplicate
from medrails.rag.ingest import Section, SourceDocument, ingest


def _by_reason(result):
    out = {}
    for s in result.skipped:
        out.setdefault(s.reason, []).append(s)
    return out


def test_markdown_sections_keep_line_ranges_and_drop_references(corpus):
    result = ingest([corpus / "gout.md"])
    (doc,) = result.documents
    assert doc.doc_id == "gout" and doc.title == "Gout"
    assert [(s.heading, s.line_start, s.line_end) for s in doc.sections] == [
        ("Gout", 3, 3), ("Symptoms", 6, 6), ("Treatment", 9, 9)]
    assert all("medlineplus.gov/gout" not in s.text for s in doc.sections)


def test_html_text_by_heading_without_scripts_or_styles(corpus):
    (doc,) = ingest([corpus / "shingles.html"]).documents
    assert doc.title == "Shingles"
    text = " ".join(s.text for s in doc.sections)
    assert "chickenpox virus" in text and "two-dose shingles vaccine" in text
    assert "tracking" not in text and "color: red" not in text
    vaccine = next(s for s in doc.sections if s.heading == "Vaccine")
    assert vaccine.line_start == 7


def test_every_bad_record_is_skipped_with_file_line_and_reason(corpus):
    result = ingest([corpus])
    reasons = _by_reason(result)
    faq = str(corpus / "faq.jsonl")
    assert [str(s) for s in reasons["bad_json"]][0].startswith(f"{faq}:2: bad_json")
    assert reasons["duplicate_id"][0].origin == f"{faq}:3" and f"{faq}:1" in reasons["duplicate_id"][0].detail
    assert reasons["missing_field"][0].origin == f"{faq}:5"
    assert {s.origin for s in reasons["empty_document"]} >= {f"{faq}:4"}
    assert any("QA pair 0000042-3 has no answer" in s.detail for s in reasons["empty_document"])
    assert reasons["bad_xml_file"][0].origin.startswith(str(corpus / "medquad" / "5_NIDDK_QA" / "broken.xml") + ":")
    assert reasons["binary_file"][0].origin == str(corpus / "image.txt")
    assert reasons["not_utf8_file"][0].origin == f"{corpus / 'latin1.md'}:1"
    # counts reconcile: every record read is a document or a skipped record
    assert result.records_read == len(result.documents) + sum(1 for s in result.skipped if not s.reason.endswith("_file"))
    assert result.files_seen == 9 and result.files_skipped == 3


def test_medquad_pairs_become_documents_with_focus_title_and_url(corpus):
    docs = {d.doc_id: d for d in ingest([corpus / "medquad"]).documents}
    assert set(docs) == {"5_NIDDK_QA/0000042-1", "5_NIDDK_QA/0000042-2"}
    doc = docs["5_NIDDK_QA/0000042-2"]
    assert doc.title == "Celiac Disease" and doc.source == "https://www.niddk.nih.gov/celiac"
    assert doc.sections[0].heading == "treatment" and "gluten-free" in doc.sections[0].text
    assert "What are the treatments" not in doc.sections[0].text  # the question is never indexed
    assert (doc.sections[0].line_start, doc.sections[0].line_end) == (9, 12)


def test_long_sections_split_under_the_word_limit_with_their_lines():
    paragraphs = [f"Sentence {i} about kidneys and blood pressure control in adults." for i in range(60)]
    text = "\n".join(paragraphs[:30]) + "\n\n" + "\n".join(paragraphs[30:])
    doc = SourceDocument("d", "Kidneys", "k.md", [Section("Body", text, 10, 70)], "k.md")
    chunks = chunk_document(doc, max_words=50)
    assert len(chunks) > 5 and all(len(c.text.split()) <= 50 for c in chunks)
    assert chunks[0].line_start == 10 and chunks[-1].line_end == 70  # 61 lines from line 10
    assert all(a.line_end <= b.line_start for a, b in zip(chunks, chunks[1:], strict=False))
    assert [c.chunk_id for c in chunks[:2]] == ["d#0", "d#1"]


def test_duplicate_passages_are_dropped_whitespace_and_case_insensitively():
    a = SourceDocument("a", "A", "a", [Section("", "Insulin moves glucose into cells.", 1, 1)], "a")
    b = SourceDocument("b", "B", "b", [Section("", "insulin  moves GLUCOSE into cells.", 1, 1)], "b")
    result = deduplicate(chunk_document(a) + chunk_document(b))
    assert [c.doc_id for c in result.kept] == ["a"] and result.duplicates[0][1] == "a#0"
