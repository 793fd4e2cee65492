"""`medrails data build`: readers, bad lines with file:line, reconciled counts, dedupe across splits, card."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from medrails.data.build import build
from medrails.data.recipe import load_recipe
from medrails.errors import ConfigError, MedrailsError


def write_jsonl(path, rows: list):
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


def _alpaca(n, prefix="What is condition"):
    return [{"instruction": f"{prefix} number {i} and why does it matter for health {i * 7}?", "input": "",
             "output": f"Condition {i} is a made-up teaching example with dose 500mg."} for i in range(n)]


def _read(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_public_formats_reconcile_and_card_lists_sha(shared_data, make_recipe, tmp_path):
    recipe = make_recipe([
        {"name": "pubmedqa", "format": "pubmedqa", "path": str(shared_data / "pubmedqa/pqal_trainval_set.json"), "max_samples": 60},
        {"name": "medmcqa", "format": "medmcqa", "path": str(shared_data / "medmcqa_dev/dev.json"), "max_samples": 60},
        {"name": "medquad", "format": "medquad", "path": str(shared_data / "medquad/xml/9_CDC_QA"), "max_samples": 60},
        {"name": "medicationqa", "format": "medicationqa", "path": str(shared_data / "medicationqa/medicationqa.jsonl"), "max_samples": 60},
    ])
    result = build(load_recipe(recipe), recipe)
    card = json.loads((result.output_dir / "dataset_card.json").read_text())
    assert card["reconciled"]
    for s in card["sources"]:
        assert len(s["sha256"]) == 64 and s["read"] == s["kept"] + sum(s["dropped"].values())
    assert (result.output_dir / "token_lengths.png").stat().st_size > 1000
    assert "| pubmedqa | pubmedqa |" in (result.output_dir / "DATASET_CARD.md").read_text()
    rows = _read(result.output_dir / "train.jsonl")
    mcq = next(r for r in rows if r["source"] == "medmcqa")
    assert mcq["completion"][0]["content"].startswith("The correct answer is ")
    assert "educational purposes" in mcq["completion"][0]["content"]  # policy disclaimer on answers
    pub = next(r for r in rows if r["source"] == "pubmedqa")
    assert "Context:" in pub["prompt"][-1]["content"] and pub["completion"][0]["content"].split(".")[0] in {"Yes", "No", "Maybe"}


def test_bad_lines_are_reported_with_file_and_line(make_recipe, tmp_path):
    rows = _alpaca(8) + ["{not json", {"instruction": "no output here"}, ["a", "list"]]
    src = write_jsonl(tmp_path / "a.jsonl", rows)
    result = build(load_recipe(make_recipe([{"name": "a", "format": "alpaca", "path": str(src)}])))
    (sc,) = result.sources
    assert sc.read == 11 and sc.kept == 8
    assert sc.dropped == {"bad_json": 1, "missing_field": 1, "wrong_type": 1}
    assert f"{src}:9: bad_json" in result.bad_lines[0]
    assert any(f"{src}:10: missing_field" in b and "'output'" in b for b in result.bad_lines)


def test_on_bad_line_error_stops(make_recipe, tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", _alpaca(2) + ["{oops"])
    with pytest.raises(MedrailsError, match=r"a.jsonl:3"):
        build(load_recipe(make_recipe([{"name": "a", "format": "alpaca", "path": str(src)}], on_bad_line="error")))


def test_near_duplicates_never_cross_splits(make_recipe, tmp_path):
    import random

    rng = random.Random(0)
    words = "heart lung kidney liver blood sugar pressure sleep diet exercise vaccine fever rash cough pain test scan".split()
    base = [{"instruction": " ".join(rng.choice(words) for _ in range(25)) + "?", "output": f"Answer {i}."} for i in range(60)]
    near = [dict(r, instruction=r["instruction"] + " please") for r in base]  # one word added
    src = write_jsonl(tmp_path / "a.jsonl", base + near + base[:5])
    result = build(load_recipe(make_recipe([{"name": "a", "format": "alpaca", "path": str(src)}])))
    (sc,) = result.sources
    assert sc.dropped == {"near_duplicate": 60, "exact_duplicate": 5}
    prompts = {split: {r["prompt"][-1]["content"].removesuffix(" please") for r in _read(result.output_dir / f"{split}.jsonl")}
               for split in ("train", "val", "test")}
    assert not (prompts["train"] & prompts["test"]) and not (prompts["train"] & prompts["val"])
    assert (len(prompts["train"]), len(prompts["val"]), len(prompts["test"])) == (48, 6, 6)


def test_mix_by_ratio_keeps_proportions_and_is_seeded(make_recipe, tmp_path):
    a = write_jsonl(tmp_path / "a.jsonl", _alpaca(100, "Alpha question"))
    b = write_jsonl(tmp_path / "b.jsonl", _alpaca(30, "Beta topic query"))
    sources = [{"name": "a", "format": "alpaca", "path": str(a), "ratio": 0.7},
               {"name": "b", "format": "alpaca", "path": str(b), "ratio": 0.3}]
    r1 = build(load_recipe(make_recipe(sources)))
    kept = {s.name: s.kept for s in r1.sources}
    assert kept == {"a": 70, "b": 30}  # b limits the total to 100; 70/30 exact
    first = (r1.output_dir / "train.jsonl").read_text()
    r2 = build(load_recipe(make_recipe(sources)), force=True)
    assert (r2.output_dir / "train.jsonl").read_text() == first


def test_safety_augmentation_uses_policy_texts(make_recipe, tmp_path):
    from medrails.guard import load_policy

    policy = load_policy("patient-education")
    src = write_jsonl(tmp_path / "a.jsonl", _alpaca(10))
    result = build(load_recipe(make_recipe([{"name": "a", "format": "alpaca", "path": str(src)}],
                                           safety={"refusal_examples": 14, "emergency_examples": 10, "dpo_pairs": 6})))
    rows = [r for s in ("train", "val", "test") for r in _read(result.output_dir / f"{s}.jsonl")]
    refusals = [r for r in rows if r["category"] == "refuse"]
    assert len(refusals) == 14
    assert {r["completion"][0]["content"] for r in refusals} <= {policy.response(f"refuse.R{i}") for i in range(1, 8)}
    assert any(policy.response("emergency.cardiac") == r["completion"][0]["content"] for r in rows)
    pairs = [r for s in ("train", "val", "test") if (result.output_dir / f"dpo_{s}.jsonl").exists()
             for r in _read(result.output_dir / f"dpo_{s}.jsonl")]
    assert len(pairs) == 6 and all(p["chosen"][0]["content"] != p["rejected"][0]["content"] for p in pairs)
    assert all("educational purposes" not in r["completion"][0]["content"] for r in refusals)


def test_empty_after_filtering_and_missing_file_are_clear(make_recipe, tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", [{"instruction": "x", "output": ""}])
    with pytest.raises(MedrailsError, match="empty after filtering.*empty"):
        build(load_recipe(make_recipe([{"name": "a", "format": "alpaca", "path": str(src)}])))
    with pytest.raises(ConfigError, match="source file not found.*nope.jsonl"):
        build(load_recipe(make_recipe([{"name": "a", "format": "alpaca", "path": "nope.jsonl"}])))


def test_other_readers(make_recipe, tmp_path):
    medqa = write_jsonl(tmp_path / "medqa.jsonl", [
        {"question": "Which vitamin deficiency causes scurvy?", "options": {"A": "Vitamin C", "B": "Vitamin D"}, "answer_idx": "A"},
        {"question": "Pick one", "options": ["x", "y"], "answer_idx": 5}])
    sharegpt = write_jsonl(tmp_path / "sg.jsonl", [
        {"conversations": [{"from": "system", "value": "Be kind."}, {"from": "human", "value": "What is a fever?"},
                           {"from": "gpt", "value": "A raised body temperature."}]}])
    dialog = write_jsonl(tmp_path / "dialog.jsonl", [
        {"utterances": ["patient: I get heartburn at night.", "doctor: Avoid late meals.", "patient: Anything else?",
                        "doctor: Raise the head of the bed."]}])
    recipe = make_recipe([{"name": "medqa", "format": "medqa", "path": str(medqa)},
                          {"name": "sg", "format": "sharegpt", "path": str(sharegpt)},
                          {"name": "dialog", "format": "meddialog", "path": str(dialog)}],
                         splits={"train": 1.0, "val": 0.0, "test": 0.0}, safety={"disclaimers": False})
    result = build(load_recipe(recipe))
    rows = {r["source"]: r for r in _read(result.output_dir / "train.jsonl")}
    assert rows["medqa"]["completion"][0]["content"] == "The correct answer is A. Vitamin C"
    assert rows["sg"]["prompt"][0] == {"role": "system", "content": "Be kind."}
    assert [m["role"] for m in rows["dialog"]["prompt"]] == ["user", "assistant", "user"]
    assert rows["dialog"]["completion"][0]["content"] == "Raise the head of the bed."
    assert result.sources[0].dropped == {"bad_answer": 1}


def test_cli_build_and_refuses_to_overwrite(make_recipe, tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", _alpaca(10))
    recipe = make_recipe([{"name": "a", "format": "alpaca", "path": str(src)}])
    cmd = [sys.executable, "-c", "from medrails.cli import main; main()", "data", "build", str(recipe), "--json"]
    first = subprocess.run(cmd, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["files"]["train.jsonl"] == 8
    second = subprocess.run(cmd, capture_output=True, text=True)
    assert second.returncode == 2 and "--force" in second.stderr


def test_phi_is_scrubbed_with_the_guard_component(make_recipe, tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", [
        {"instruction": "My name is John Smith, MRN 12345678, call me at 555-123-4567. What is metformin?",
         "output": "Metformin 500mg is a diabetes medicine; Parkinson disease is unrelated."}])
    recipe = make_recipe([{"name": "a", "format": "alpaca", "path": str(src)}], cleaning={"phi_scrub": True},
                         splits={"train": 1.0, "val": 0.0, "test": 0.0})
    result = build(load_recipe(recipe))
    (row,) = _read(result.output_dir / "train.jsonl")
    prompt = row["prompt"][-1]["content"]
    assert "John Smith" not in prompt and "[NAME]" in prompt and "[PHONE]" in prompt and "12345678" not in prompt
    assert "Metformin 500 mg" in row["completion"][0]["content"] and "Parkinson disease" in row["completion"][0]["content"]
    card = json.loads((result.output_dir / "dataset_card.json").read_text())
    assert card["phi_redactions"]["NAME"] == 1
