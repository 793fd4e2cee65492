"""`medrails export`: a trained adapter as a merged safetensors model (transformers / vLLM) plus an Ollama Modelfile.

Writes into a temp folder next to the destination and renames it into place, so a failed
export never leaves a half-written model that looks usable. Never overwrites without --force.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from medrails.errors import MedrailsError
from medrails.train.rundir import is_complete, mark_complete

CHATML_GO = (
    '{{- if .System }}<|im_start|>system\n{{ .System }}<|im_end|>\n{{ end }}'
    '{{- range .Messages }}<|im_start|>{{ .Role }}\n{{ .Content }}<|im_end|>\n{{ end }}<|im_start|>assistant\n'
)
MISTRAL_GO = '{{- range .Messages }}{{ if eq .Role "user" }}[INST] {{ .Content }} [/INST]{{ else }}{{ .Content }}</s>{{ end }}{{ end }}'


@dataclass
class ExportResult:
    out_dir: Path
    merged: bool
    base_model_dir: Path
    modelfile: Path


def _base_dir(adapter: Path, base: str | None) -> Path:
    from medrails.models import parse_spec, resolve_model_dir

    if base:
        return resolve_model_dir(parse_spec(base))
    meta = adapter / "medrails_base.json"
    if meta.is_file():
        info = json.loads(meta.read_text())
        candidate = Path(info.get("model_dir", ""))
        if (candidate / "config.json").is_file():
            return candidate
        return resolve_model_dir(parse_spec(info["model_name_or_path"]))
    cfg = json.loads((adapter / "adapter_config.json").read_text())
    name = cfg.get("base_model_name_or_path")
    if name and (Path(name) / "config.json").is_file():
        return Path(name)
    raise MedrailsError(f"cannot tell which base model {adapter} was trained on; pass --base MODEL_SPEC")


def modelfile_text(chat_template: str, system: str, temperature: float, num_predict: int, source: str) -> str:
    lines = ["# ollama create medrails-model -f Modelfile   (run inside this folder)", f"FROM {source}"]
    if "<|im_start|>" in chat_template:
        lines += [f'TEMPLATE """{CHATML_GO}"""', 'PARAMETER stop "<|im_end|>"', 'PARAMETER stop "<|im_start|>"']
    elif "[INST]" in chat_template:
        lines += [f'TEMPLATE """{MISTRAL_GO}"""', 'PARAMETER stop "</s>"']
    else:
        lines.append("# chat template not recognised: Ollama reads the tokenizer's own template on import")
    lines += [f"PARAMETER temperature {temperature}", f"PARAMETER num_predict {num_predict}", f'SYSTEM """{system}"""']
    return "\n".join(lines) + "\n"


def export(adapter_dir: str | Path, out_dir: str | Path, merge: bool = True, force: bool = False,
           base: str | None = None, policy: str = "patient-education") -> ExportResult:
    adapter = Path(adapter_dir)
    out = Path(out_dir)
    if not (adapter / "adapter_config.json").is_file():
        raise MedrailsError(f"{adapter} is not a LoRA adapter folder (no adapter_config.json); "
                            "point --adapter at OUTPUT_DIR/adapter from `medrails train`")
    if (adapter / "medrails_complete.json").exists() and not is_complete(adapter):
        raise MedrailsError(f"{adapter} does not match its completion marker (files changed or truncated); retrain or restore it")
    if out.exists() and any(out.iterdir()):
        if not force:
            raise MedrailsError(f"{out} already exists and is not empty; pass --force to replace it, or choose another --out")
    base_dir = _base_dir(adapter, base)

    import torch
    from peft import PeftModel
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from medrails.guard import load_policy

    tmp = out.with_name(f".{out.name}.tmp-export")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    tokenizer = AutoTokenizer.from_pretrained(str(adapter if (adapter / "tokenizer_config.json").is_file() else base_dir))
    if merge:
        model = AutoModelForCausalLM.from_pretrained(str(base_dir), dtype=torch.float32)
        model = PeftModel.from_pretrained(model, str(adapter)).merge_and_unload()
        model.save_pretrained(str(tmp), safe_serialization=True)
        source = "."
    else:
        for file in adapter.iterdir():
            if file.is_file() and file.name != "medrails_complete.json":
                shutil.copy2(file, tmp / file.name)
        source = str(base_dir)
    tokenizer.save_pretrained(str(tmp))
    pol = load_policy(policy)
    text = modelfile_text(tokenizer.chat_template or "", pol.system_prompt, 0.7, 512, source)
    if not merge:
        text = text.replace(f"FROM {source}\n", f"FROM {source}\nADAPTER .\n")
    (tmp / "Modelfile").write_text(text, encoding="utf-8")
    (tmp / "medrails_export.json").write_text(json.dumps(
        {"adapter": str(adapter.resolve()), "base_model_dir": str(base_dir), "merged": merge, "policy": pol.name}, indent=1))
    mark_complete(tmp)
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp.rename(out)
    return ExportResult(out, merge, base_dir, out / "Modelfile")
