"""--dtype verified holds a float32 and a bfloat16 copy of the weights: making the second must
not pass through a third (a float32 duplicate), which would double a 7B model's memory."""

from __future__ import annotations

import copy

import torch

from medrails.eval.loglik import bfloat16_copy, load_causal_lm


def test_bfloat16_copy_converts_each_weight_without_a_float32_duplicate(tiny_model_dir, monkeypatch):
    lm = load_causal_lm(str(tiny_model_dir))
    model = lm.model
    reference = copy.deepcopy(model).to(torch.bfloat16)  # what runner.py did before
    duplicated = []
    original = torch.nn.Parameter.__deepcopy__

    def counting(self, memo):  # called only for a parameter copied at its own (float32) precision
        duplicated.append(self.dtype)
        return original(self, memo)

    monkeypatch.setattr(torch.nn.Parameter, "__deepcopy__", counting)
    half = bfloat16_copy(model)
    monkeypatch.undo()
    assert duplicated == []
    assert {p.dtype for p in half.parameters()} == {torch.bfloat16}
    assert {p.dtype for p in model.parameters()} == {torch.float32}  # the float32 weights stay for re-scoring
    assert half.get_input_embeddings().weight.data_ptr() != model.get_input_embeddings().weight.data_ptr()
    tied = model.get_output_embeddings().weight is model.get_input_embeddings().weight
    assert (half.get_output_embeddings().weight is half.get_input_embeddings().weight) == tied
    ids = lm.tokenizer("Which vitamin deficiency causes scurvy?", return_tensors="pt").input_ids
    with torch.no_grad():
        assert torch.equal(half(ids).logits, reference(ids).logits)  # same model as deepcopy().to()
    assert {b.dtype for b in half.buffers() if b.is_floating_point()} <= {torch.bfloat16}


def test_the_bfloat16_copy_is_made_only_when_bfloat16_scores_something(tiny_model_dir, medqa_file, tmp_path,
                                                                        medrails_home, monkeypatch):
    import json

    import medrails.eval.loglik as loglik
    from medrails.eval.runner import EvalSettings, main

    made = []
    monkeypatch.setattr(loglik, "bfloat16_copy", lambda model: made.append(1) or bfloat16_copy(model))
    settings = EvalSettings(model=str(tiny_model_dir), tasks=["medqa"], data={"medqa": str(medqa_file)}, limit=3,
                            dtype="verified", out=str(tmp_path / "short"))
    run_dir = main(settings)  # 3 items < 32 calibration items: float32 alone, no bfloat16 copy
    assert made == []
    assert json.loads((run_dir / "run.json").read_text())["results"]["medqa"]["decided_in"] == {"float32": 3}
    main(settings.model_copy(update={"verify_calibration": 1, "out": str(tmp_path / "long")}))
    assert made == [1]
    main(settings.model_copy(update={"verify_calibration": 1, "out": str(tmp_path / "long")}))  # resumed, all done
    assert made == [1]  # nothing left to score: no copy made
