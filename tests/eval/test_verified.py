"""--dtype verified: bfloat16 scores every item, float32 re-scores the items bfloat16 could have
decided wrongly, so the answers are float32's (lm-eval's) while most items stay in bfloat16."""

from __future__ import annotations

import copy
import json

import pytest
import torch

from medrails.eval.data import load_medqa
from medrails.eval.loglik import LoglikScorer, MarginBound, decision_margins, gap_errors, load_causal_lm
from medrails.eval.mcq import prepare, run_loglik, summarize
from medrails.eval.results import ItemLog


def test_margins_are_the_lead_of_the_best_option_raw_and_per_character():
    acc, norm = decision_margins([-1.0, -3.0, -1.5], [3, 2, 5])
    assert acc == pytest.approx(0.5)  # -1.0 leads -1.5
    assert norm == pytest.approx(-1.5 / 5 - -1.0 / 3)  # -0.3 per character leads -1/3
    assert decision_margins([-2.0], [1]) == (float("inf"), float("inf"))
    assert decision_margins([-2.0, -2.0], [1, 1]) == (0.0, 0.0)


def test_gap_error_is_the_largest_change_of_a_pairwise_difference():
    exact = [-1.0, -2.0, -4.0]
    shifted = [x - 0.7 for x in exact]  # a common shift (the softmax normalizer) moves no raw gap
    assert gap_errors(shifted, exact, [1, 1, 1])[0] == pytest.approx(0.0)
    assert gap_errors(shifted, exact, [1, 2, 4])[1] == pytest.approx(0.7 * (1 - 1 / 4))  # but per-character gaps
    assert gap_errors([-1.1, -2.0, -3.8], exact, [1, 1, 1])[0] == pytest.approx(0.3)  # options 0 and 2: 0.1 + 0.2


def test_bound_is_calibrated_then_decides_which_items_are_rescored():
    bound = MarginBound(safety=2.0, calibration_items=2)
    assert bound.needs_exact([-1.0, -9.0], [1, 1])  # nothing measured yet: every item is re-scored
    bound.observe([-1.0, -2.1], [-1.0, -2.0], [1, 1])
    assert not bound.calibrated and bound.needs_exact([-1.0, -9.0], [1, 1])
    bound.observe([-1.0, -2.0], [-1.05, -2.0], [1, 1])
    assert bound.calibrated and bound.bounds() == (pytest.approx(0.2), pytest.approx(0.2))
    assert not bound.needs_exact([-1.0, -1.25], [1, 1])  # leads by 0.25 > 0.2
    assert bound.needs_exact([-1.0, -1.2], [1, 1])  # a margin equal to the bound is re-scored
    assert bound.needs_exact([-1.0, -2.0], [5, 10])  # clear raw lead, a tie per character: re-scored
    bound.observe([-1.0, -1.5], [-1.0, -1.0], [1, 1])  # a larger error later raises the bound
    assert bound.bounds()[0] == pytest.approx(1.0)
    record = bound.record()
    assert record["items_scored_both_ways"] == 3 and record["max_gap_error"] == pytest.approx(0.5)
    fixed = MarginBound(fixed=0.3, calibration_items=100)
    assert fixed.calibrated and fixed.bounds() == (0.3, 0.3)
    assert not fixed.needs_exact([-1.0, -1.4], [1, 1]) and fixed.needs_exact([-1.0, -1.29], [1, 1])


def test_a_nan_bfloat16_score_is_always_rescored():
    # a NaN compares False with everything: `margin <= bound` let bfloat16 decide such an item
    bound = MarginBound(fixed=0.1)
    nan = float("nan")
    assert bound.needs_exact([nan, -1.0, -5.0], [1, 1, 1])
    assert bound.needs_exact([-1.0, nan, -5.0], [1, 1, 1])
    assert bound.needs_exact([-1.0, -5.0, nan], [1, 1, 1])
    assert not bound.needs_exact([-1.0, -5.0, float("-inf")], [1, 1, 1])  # -inf is a clear loser, not NaN


def _medqa(tmp_path, n: int):
    topics = ["liver", "kidney", "lung", "heart", "brain", "skin", "bone", "blood"]
    rows = [{"question": f"Case {i}: which {topics[i % 8]} finding goes with {topics[(3 * i + 1) % 8]} disease?",
             "options": {"A": topics[i % 8], "B": topics[(i + 1) % 8], "C": "both", "D": "neither"},
             "answer_idx": "ABCD"[i % 4]} for i in range(n)]
    path = tmp_path / "medqa.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return prepare(load_medqa(path), 0, False, None)


def _near_tie_model(tiny_model_dir):
    """The tiny model with options C and D (' C' = ' ' + 'C', ' D' = ' ' + 'D' for its tokenizer)
    made the likeliest and 0.024 nats apart: float32 sees D ahead, bfloat16 cannot (its step is
    0.5 at 100), so bfloat16 ties them and picks C, the first."""
    lm = load_causal_lm(str(tiny_model_dir))
    space, c_token, d_token = (lm.tokenizer.encode(" C", add_special_tokens=False)
                               + lm.tokenizer.encode(" D", add_special_tokens=False)[1:])
    old = lm.model.lm_head
    head = torch.nn.Linear(old.in_features, old.out_features, bias=True)
    with torch.no_grad():
        head.weight.copy_(old.weight)
        head.weight[d_token] = head.weight[c_token]
        head.bias.zero_()
        head.bias[space] = head.bias[c_token] = 100.0
        head.bias[d_token] = 100.0 + 2 ** -12 * 100
    lm.model.lm_head = head
    return lm


def test_verified_run_gives_float32_answers_where_bfloat16_alone_flips(tiny_model_dir, tmp_path):
    lm = _near_tie_model(tiny_model_dir)
    task = _medqa(tmp_path, 6)
    half = copy.deepcopy(lm.model).to(torch.bfloat16)
    fp32 = run_loglik(task, LoglikScorer(lm.model, lm.tokenizer), ItemLog(tmp_path / "fp32.jsonl"))
    bf16 = run_loglik(task, LoglikScorer(half, lm.tokenizer), ItemLog(tmp_path / "bf16.jsonl"))
    assert [r["pred"] for r in fp32] == [3] * 6 and [r["pred"] for r in bf16] == [2] * 6  # every item flips
    bound = MarginBound(calibration_items=1)
    verified = run_loglik(task, LoglikScorer(half, lm.tokenizer), ItemLog(tmp_path / "verified.jsonl"),
                          exact=LoglikScorer(lm.model, lm.tokenizer), bound=bound)
    assert [(r["pred"], r["pred_norm"]) for r in verified] == [(r["pred"], r["pred_norm"]) for r in fp32]
    for mine, exact in zip(verified, fp32, strict=True):
        assert mine["logprobs"] == pytest.approx(exact["logprobs"], abs=1e-5)
    # a bfloat16 tie is a zero margin: re-scored whatever the bound, and the record says so
    assert all(r["precision"] == "float32" and r["margins"] == [0.0, 0.0] for r in verified)
    assert summarize("medqa", verified)["decided_in"] == {"float32": 6}


def test_verified_run_leaves_clear_items_to_bfloat16_and_resumes(tiny_model_dir, tmp_path):
    lm = load_causal_lm(str(tiny_model_dir))
    task = _medqa(tmp_path, 12)
    half = copy.deepcopy(lm.model).to(torch.bfloat16)
    fp32 = run_loglik(task, LoglikScorer(lm.model, lm.tokenizer), ItemLog(tmp_path / "fp32.jsonl"))

    def verified(log_name: str, bound: MarginBound) -> list[dict]:
        return run_loglik(task, LoglikScorer(half, lm.tokenizer), ItemLog(tmp_path / log_name), batch_size=4,
                          exact=LoglikScorer(lm.model, lm.tokenizer), bound=bound)

    bound = MarginBound(calibration_items=4)
    records = verified("v.jsonl", bound)
    assert [r["pred"] for r in records] == [r["pred"] for r in fp32]
    by_precision = {p: [r["id"] for r in records if r["precision"] == p] for p in ("float32", "bfloat16")}
    assert by_precision["float32"][:4] == [r["id"] for r in records[:4]]  # calibrated on the first items in file order
    assert by_precision["bfloat16"]  # clear margins (several nats here) stay in bfloat16
    for r in records:
        if r["precision"] == "float32":
            assert "logprobs_approx" in r
        else:
            assert min(r["margins"]) > bound.bounds()[0] > 0
    assert bound.record()["items_scored_both_ways"] == len(by_precision["float32"])

    # killed after 2 calibration items: the resumed run still calibrates on 4 before trusting bfloat16
    path = tmp_path / "v.jsonl"
    lines = path.read_text().splitlines(keepends=True)
    calibration_lines = [line for line in lines if '"logprobs_approx"' in line]
    path.write_text("".join(calibration_lines[:2]))
    resumed_bound = MarginBound(calibration_items=4)
    resumed = verified("v.jsonl", resumed_bound)
    assert [r["pred"] for r in resumed] == [r["pred"] for r in fp32]
    assert resumed_bound.record()["items_scored_both_ways"] >= 4
    assert len(path.read_text().splitlines()) == 12
    again = MarginBound(calibration_items=4)
    verified("v.jsonl", again)  # nothing left to do: the bound is rebuilt from the log, counted once
    assert again.record()["items_scored_both_ways"] == resumed_bound.record()["items_scored_both_ways"]


def test_verified_run_records_its_bound_and_which_precision_decided(tiny_model_dir, tmp_path, medrails_home):
    from medrails.errors import MedrailsError
    from medrails.eval.runner import EvalSettings, main

    _medqa(tmp_path, 8)  # writes tmp_path / medqa.jsonl
    path = tmp_path / "medqa.jsonl"
    settings = EvalSettings(model=str(tiny_model_dir), tasks=["medqa"], data={"medqa": str(path)},
                            out=str(tmp_path / "run"), dtype="verified", verify_calibration=3, verify_safety=2.0)
    run_dir = main(settings)
    run = json.loads((run_dir / "run.json").read_text())
    verify = run["tasks"]["medqa"]["verify"]
    assert verify["items_scored_both_ways"] >= 3 and verify["safety"] == 2.0
    assert verify["bound"] == pytest.approx(2.0 * verify["max_gap_error"], abs=1e-5)
    decided = run["results"]["medqa"]["decided_in"]
    assert sum(decided.values()) == 8 and decided.get("float32", 0) == verify["items_scored_both_ways"]
    plain = main(settings.model_copy(update={"dtype": "float32", "out": str(tmp_path / "plain")}))
    records = {r["id"]: r for r in map(json.loads, (run_dir / "items" / "medqa.jsonl").read_text().splitlines())}
    for r in map(json.loads, (plain / "items" / "medqa.jsonl").read_text().splitlines()):
        assert (records[r["id"]]["pred"], records[r["id"]]["pred_norm"]) == (r["pred"], r["pred_norm"])
        assert r["precision"] == "float32"
    with pytest.raises(MedrailsError, match="pass --dtype float32 to resume"):  # a verified run never resumes float32
        main(settings.model_copy(update={"out": str(plain)}))


def test_a_run_shorter_than_the_calibration_is_scored_in_float32_alone(tiny_model_dir, tmp_path):
    lm = load_causal_lm(str(tiny_model_dir))
    half = copy.deepcopy(lm.model).to(torch.bfloat16)
    calls = []
    hook = half.register_forward_hook(lambda *_: calls.append(1))
    try:
        records = run_loglik(_medqa(tmp_path, 5), LoglikScorer(half, lm.tokenizer), ItemLog(tmp_path / "v.jsonl"),
                             exact=LoglikScorer(lm.model, lm.tokenizer), bound=MarginBound(calibration_items=32))
    finally:
        hook.remove()
    assert not calls  # bfloat16 would have decided nothing: it is not run at all
    assert all(r["precision"] == "float32" and "logprobs_approx" not in r for r in records)


def test_auto_precision_follows_the_cpu(monkeypatch):
    from medrails.eval.runner import resolve_dtype

    assert resolve_dtype("float32") == "float32" and resolve_dtype("bfloat16") == "bfloat16"
    monkeypatch.setattr(torch.cpu, "_is_avx512_bf16_supported", lambda: False)
    monkeypatch.setattr(torch.cpu, "_is_amx_tile_supported", lambda: False)
    assert resolve_dtype("auto") == "float32"  # emulated bfloat16 is slower than float32
    monkeypatch.setattr(torch.cpu, "_is_avx512_bf16_supported", lambda: True)
    assert resolve_dtype("auto") == "verified"
    assert resolve_dtype("auto", shots=3) == "float32"  # few-shot: float32 is already fast, few items are clear
    assert resolve_dtype("verified", shots=3) == "verified"


@pytest.mark.parametrize("dtype", ["float32", "bfloat16"])
def test_verify_options_without_verified_precision_are_refused(dtype, tiny_model_dir, tmp_path):
    from typer.testing import CliRunner

    from medrails.cli import app
    from medrails.config.loader import validate
    from medrails.errors import ConfigError
    from medrails.eval.runner import EvalSettings

    with pytest.raises(ConfigError, match="--verify-margin only apply to --dtype verified"):
        validate(EvalSettings, {"tasks": ["medqa"], "dtype": dtype, "verify_margin": 0.5})
    with pytest.raises(ConfigError, match="verify_calibration"):
        validate(EvalSettings, {"tasks": ["medqa"], "dtype": dtype, "verify_calibration": 8})
    EvalSettings(tasks=["medqa"], dtype="verified", verify_margin=0.5)  # fine where they apply (and with auto)
    EvalSettings(tasks=["medqa"], dtype="auto", verify_safety=2.0)
    result = CliRunner().invoke(app, ["eval", "--model", str(tiny_model_dir), "--tasks", "medqa", "--dtype", dtype,
                                      "--verify-safety", "3", "--out", str(tmp_path / "run")])
    assert result.exit_code != 0 and "--verify-safety only apply to --dtype verified" in str(result.exception) \
        + result.output
