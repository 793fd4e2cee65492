"""--dtype verified scores first with bfloat16 matrix products on the float32 weights: one copy of
the weights (a 7B model would otherwise need a second, bfloat16 one), and the model left exactly as
it was for the float32 pass that re-scores close items."""

from __future__ import annotations

import json

import torch

from medrails.eval.loglik import LoglikScorer, bfloat16_matmuls, load_causal_lm


def test_bfloat16_matmuls_runs_products_in_bfloat16_and_leaves_the_model_as_it_was(tiny_model_dir):
    lm = load_causal_lm(str(tiny_model_dir))
    model = lm.model
    ids = lm.tokenizer("Which vitamin deficiency causes scurvy?", return_tensors="pt").input_ids
    pointers = [p.data_ptr() for p in model.parameters()]
    with torch.no_grad():
        before = model(ids).logits
        seen = {}
        hooks = [model.get_output_embeddings().register_forward_hook(
                     lambda module, args, out: seen.__setitem__("head", out.dtype))]
        first_linear = next(m for m in model.modules() if isinstance(m, torch.nn.Linear)
                            and m is not model.get_output_embeddings())
        hooks.append(first_linear.register_forward_hook(lambda module, args, out: seen.__setitem__("layer", out.dtype)))
        with bfloat16_matmuls(model):
            mixed = model(ids).logits
        for hook in hooks:
            hook.remove()
        after = model(ids).logits
    assert seen == {"layer": torch.bfloat16, "head": torch.float32}
    assert mixed.dtype == torch.float32 and not torch.equal(mixed, before)  # really another precision
    assert (mixed - before).abs().max() < 0.05 * before.abs().max()  # but the same model
    assert torch.equal(after, before)  # nothing of the mixed pass stays behind
    assert "forward" not in model.get_output_embeddings().__dict__
    assert {p.dtype for p in model.parameters()} == {torch.float32}
    assert [p.data_ptr() for p in model.parameters()] == pointers  # no copy of the weights was made


def test_a_forward_already_set_on_the_head_is_put_back(tiny_model_dir):
    lm = load_causal_lm(str(tiny_model_dir))
    head = lm.model.get_output_embeddings()
    calls = []

    def hooked(hidden):  # what accelerate's hooks do: a wrapper set on the instance
        calls.append(hidden.dtype)
        return torch.nn.Linear.forward(head, hidden)

    head.forward = hooked
    ids = lm.tokenizer("scurvy", return_tensors="pt").input_ids
    with torch.no_grad(), bfloat16_matmuls(lm.model):
        lm.model(ids)
    assert head.forward is hooked and calls == [torch.float32]  # ran inside, in float32
    scorer = LoglikScorer(lm.model, lm.tokenizer, bfloat16_products=True)
    assert scorer.precision == "bfloat16-mixed" and LoglikScorer(lm.model, lm.tokenizer).precision == "float32"


def test_a_verified_run_records_which_precision_decided_each_item(tiny_model_dir, medqa_file, tmp_path, medrails_home):
    from medrails.eval.runner import EvalSettings, main

    settings = EvalSettings(model=str(tiny_model_dir), tasks=["medqa"], data={"medqa": str(medqa_file)}, limit=3,
                            dtype="verified", out=str(tmp_path / "short"))
    run_dir = main(settings)  # 3 items < 32 calibration items: float32 alone
    assert json.loads((run_dir / "run.json").read_text())["results"]["medqa"]["decided_in"] == {"float32": 3}
    run_dir = main(settings.model_copy(update={"verify_calibration": 1, "out": str(tmp_path / "long")}))
    decided = json.loads((run_dir / "run.json").read_text())["results"]["medqa"]["decided_in"]
    assert sum(decided.values()) == 3 and set(decided) <= {"float32", "bfloat16-mixed"} and decided["float32"] >= 1
    records = [json.loads(line) for line in (run_dir / "items" / "medqa.jsonl").read_text().splitlines()]
    assert {r["precision"] for r in records} == set(decided)
