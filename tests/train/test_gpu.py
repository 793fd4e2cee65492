"""QLoRA, 8-bit LoRA and bf16 on a CUDA GPU (marked `gpu`: CI has no GPU; run with `pytest -m gpu`).

The tiny model keeps these to seconds; they check what only a GPU run can: bitsandbytes really quantizes
the base layers, the LoRA weights stay trainable in bf16, the loss is finite and falls, the adapter is
saved and merges back into the full-precision base for export.
"""

from __future__ import annotations

import json
import math

import pytest

from medrails.train.config import load_train_config
from medrails.train.sft import main as sft_main

pytestmark = pytest.mark.gpu


@pytest.fixture(scope="module")
def gpu_model_dir(tmp_path_factory):
    # bitsandbytes quantizes in blocks of 64 values: give every linear layer a few whole blocks
    from medrails.models.tiny import save_tiny_model

    return save_tiny_model(tmp_path_factory.mktemp("gpu-tiny"), hidden=128, layers=2)


def _layer_kinds(seen: dict):
    from transformers import TrainerCallback

    class Inspect(TrainerCallback):
        def on_train_begin(self, args, state, control, model=None, **kwargs):
            linear = [m for n, m in model.named_modules() if n.endswith("mlp.down_proj.base_layer")]
            seen["base_layer"] = type(linear[0]).__name__ if linear else None
            trainable = [p for p in model.parameters() if p.requires_grad]
            seen["trainable_dtypes"] = sorted({str(p.dtype) for p in trainable})
            seen["trainable_on_cuda"] = bool(trainable) and all(p.is_cuda for p in trainable)

    return Inspect()


@pytest.mark.parametrize("bits, layer", [(4, "Linear4bit"), (8, "Linear8bitLt")])
def test_qlora_quantizes_the_base_and_trains_the_adapter(train_config, gpu_model_dir, bits, layer):
    seen: dict = {}
    cfg = load_train_config(train_config(model_name_or_path=str(gpu_model_dir), quantization_bit=bits, bf16=True,
                                         gradient_checkpointing=True, max_steps=12, learning_rate=2e-3))
    result = sft_main(cfg, callbacks=[_layer_kinds(seen)])
    assert seen["base_layer"] == layer and seen["trainable_on_cuda"]
    losses = [v for _, v in result.loss_curve["train"]]
    assert all(math.isfinite(v) for v in losses) and min(losses[-3:]) < losses[0]
    assert (result.adapter_dir / "adapter_model.safetensors").is_file()
    card = json.loads((result.output_dir / "training_card.json").read_text())
    assert card["device"] == "cuda" and card["finetuning"] == f"lora + {bits}-bit (QLoRA)"
    assert 0 < card["metrics"]["peak_memory_mb"] < 2048


def test_qlora_adapter_merges_into_the_full_precision_base(train_config, gpu_model_dir, tmp_path):
    import torch
    from transformers import AutoModelForCausalLM

    from medrails.train.export import export

    cfg = load_train_config(train_config(model_name_or_path=str(gpu_model_dir), quantization_bit=4, bf16=True,
                                         max_steps=4))
    result = sft_main(cfg)
    exported = export(result.adapter_dir, tmp_path / "merged")
    merged = AutoModelForCausalLM.from_pretrained(str(exported.out_dir))
    base = AutoModelForCausalLM.from_pretrained(str(gpu_model_dir))
    # merged weights are plain tensors (no bitsandbytes state) and the adapter really changed them
    weight = merged.model.layers[0].mlp.down_proj.weight
    assert weight.dtype in (torch.float32, torch.bfloat16) and not hasattr(weight, "quant_state")
    assert not torch.equal(weight.float(), base.model.layers[0].mlp.down_proj.weight.float())


def test_dpo_with_4bit_base(train_config, gpu_model_dir):
    from medrails.train.dpo import main as dpo_main

    cfg = load_train_config(train_config(model_name_or_path=str(gpu_model_dir), stage="dpo", quantization_bit=4,
                                         bf16=True, max_steps=3, save_steps=10))
    result = dpo_main(cfg)
    assert result.metrics["global_step"] == 3 and (result.adapter_dir / "adapter_model.safetensors").is_file()
    assert result.metrics["eval_loss_after"] is not None and math.isfinite(result.metrics["eval_loss_after"])
