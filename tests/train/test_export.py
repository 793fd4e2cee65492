"""`medrails export`: the merged folder loads in plain transformers and generates; no silent overwrite."""

from __future__ import annotations

import pytest

from medrails.errors import MedrailsError
from medrails.train.config import load_train_config
from medrails.train.export import export
from medrails.train.sft import main as sft_main


@pytest.fixture(scope="module")
def trained_adapter(tmp_path_factory, tiny_model_dir, tiny_dataset):
    import yaml

    root = tmp_path_factory.mktemp("export-run")
    path = root / "train.yaml"
    path.write_text(yaml.safe_dump({"model_name_or_path": str(tiny_model_dir), "dataset": str(tiny_dataset),
                                    "output_dir": str(root / "run"), "lora_rank": 4, "cutoff_len": 128,
                                    "learning_rate": 0.05, "max_steps": 3, "sample_prompts": []}))
    return sft_main(load_train_config(path)).adapter_dir


def test_merged_export_loads_and_generates_like_the_adapter(trained_adapter, tmp_path, tiny_model_dir):
    import torch
    from peft import PeftModel
    from transformers import AutoModelForCausalLM, AutoTokenizer

    result = export(trained_adapter, tmp_path / "merged", merge=True)
    assert (result.out_dir / "model.safetensors").is_file() and not (result.out_dir / "adapter_config.json").exists()
    modelfile = (result.out_dir / "Modelfile").read_text()
    assert "FROM ." in modelfile and "<|im_start|>" in modelfile and "SYSTEM" in modelfile

    tok = AutoTokenizer.from_pretrained(str(result.out_dir))
    merged = AutoModelForCausalLM.from_pretrained(str(result.out_dir))
    reference = PeftModel.from_pretrained(AutoModelForCausalLM.from_pretrained(str(tiny_model_dir)), str(trained_adapter))
    ids = tok.apply_chat_template([{"role": "user", "content": "What is asthma?"}], add_generation_prompt=True,
                                  return_tensors="pt", return_dict=True)
    with torch.no_grad():
        assert torch.allclose(merged(**ids).logits, reference(**ids).logits, atol=1e-4)
        out = merged.generate(**ids, max_new_tokens=5, do_sample=False, pad_token_id=tok.pad_token_id)
    assert out.shape[1] == ids["input_ids"].shape[1] + 5 or tok.eos_token_id in out[0].tolist()


def test_export_refuses_to_overwrite_and_rejects_non_adapters(trained_adapter, tmp_path):
    dest = tmp_path / "dest"
    dest.mkdir()
    (dest / "keep.txt").write_text("mine")
    with pytest.raises(MedrailsError, match="--force"):
        export(trained_adapter, dest, merge=True)
    assert (dest / "keep.txt").read_text() == "mine"
    result = export(trained_adapter, dest, merge=False, force=True)
    assert (result.out_dir / "adapter_config.json").is_file() and "ADAPTER ." in result.modelfile.read_text()
    with pytest.raises(MedrailsError, match="not a LoRA adapter"):
        export(tmp_path, tmp_path / "x")
