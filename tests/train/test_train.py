"""`medrails train` on the tiny model: reproducible, resumable, refuses to be confused, fails early and clearly."""

from __future__ import annotations

import errno
import json
import subprocess
import sys

import pytest

from medrails.errors import ConfigError, MedrailsError
from medrails.train.config import load_train_config
from medrails.train.rundir import RunFinished
from medrails.train.sft import main as sft_main


def _losses(result):
    return [round(v, 5) for _, v in result.loss_curve["train"]]


def test_same_config_data_seed_gives_the_same_loss_curve(train_config, tmp_path):
    a = sft_main(load_train_config(train_config()))
    b = sft_main(load_train_config(train_config(output_dir=str(tmp_path / "run2"))))
    assert len(_losses(a)) == 6 and _losses(a) == _losses(b)
    card = json.loads((a.output_dir / "training_card.json").read_text())
    assert card["config"]["seed"] == 42 and card["versions"]["trl"] and card["data"]["data_card_sha256"]
    assert (a.output_dir / "loss.png").stat().st_size > 1000
    assert (a.adapter_dir / "adapter_model.safetensors").is_file()
    c = sft_main(load_train_config(train_config(output_dir=str(tmp_path / "run3"), seed=7)))
    assert _losses(c) != _losses(a)


def test_killed_run_resumes_to_the_same_curve(train_config, tmp_path):
    from transformers import TrainerCallback

    full = sft_main(load_train_config(train_config(output_dir=str(tmp_path / "full"))))

    class Kill(TrainerCallback):
        def on_save(self, args, state, control, **kwargs):
            if state.global_step == 4:
                raise KeyboardInterrupt  # like Ctrl-C / a kill right after checkpoint-4 was written

    cfg = load_train_config(train_config())
    with pytest.raises(KeyboardInterrupt):
        sft_main(cfg, callbacks=[Kill()])
    with pytest.raises(MedrailsError, match="unfinished run.*--resume"):
        sft_main(cfg)
    resumed = sft_main(cfg, resume=True)
    assert resumed.resumed_from.endswith("checkpoint-4")
    assert resumed.metrics["global_step"] == 6
    assert _losses(resumed) == _losses(full)
    with pytest.raises(RunFinished, match="already finished"):
        sft_main(cfg, resume=True)


def test_resume_with_changed_config_or_data_refuses_and_says_what(train_config, tmp_path, tiny_dataset):
    import shutil

    from transformers import TrainerCallback

    class Stop(TrainerCallback):
        def on_save(self, args, state, control, **kwargs):
            raise KeyboardInterrupt

    path = train_config()
    with pytest.raises(KeyboardInterrupt):
        sft_main(load_train_config(path), callbacks=[Stop()])
    with pytest.raises(MedrailsError, match=r"learning_rate: 0.005 -> 0.001"):
        sft_main(load_train_config(path, ["learning_rate=0.001"]), resume=True)
    other = tmp_path / "data-copy"
    shutil.copytree(tiny_dataset, other)
    with (other / "train.jsonl").open("a") as handle:
        handle.write(json.dumps({"prompt": [{"role": "user", "content": "extra?"}],
                                 "completion": [{"role": "assistant", "content": "extra."}]}) + "\n")
    with pytest.raises(MedrailsError, match="dataset"):
        sft_main(load_train_config(path, [f"dataset={other}"]), resume=True)


def test_disk_full_while_saving_never_leaves_a_checkpoint_marked_complete(train_config, monkeypatch):
    import torch

    real_save = torch.save

    def failing_save(obj, f, *args, **kwargs):
        if "checkpoint-4" in str(f):
            with open(f, "wb") as handle:
                handle.write(b"partial")
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_save(obj, f, *args, **kwargs)

    cfg = load_train_config(train_config())
    monkeypatch.setattr(torch, "save", failing_save)
    with pytest.raises(MedrailsError, match="disk full.*--resume"):
        sft_main(cfg)
    monkeypatch.setattr(torch, "save", real_save)
    out = cfg.output_dir
    from pathlib import Path

    assert not (Path(out) / "checkpoint-4" / "medrails_complete.json").exists()
    resumed = sft_main(cfg, resume=True)
    assert resumed.resumed_from.endswith("checkpoint-2") and resumed.metrics["global_step"] == 6
    assert (Path(out) / "checkpoint-4.incomplete").is_dir()


def test_unknown_key_lists_valid_keys_and_guide_keys_are_accepted(tmp_path):
    from pathlib import Path

    guide = Path(__file__).resolve().parents[2] / "configs/train/biomistral-qlora.yaml"
    cfg = load_train_config(guide)
    assert cfg.quantization_bit == 4 and cfg.lora_target == "all" and cfg.template == "mistral"
    with pytest.raises(ConfigError, match=r"lora_rnk: unknown key \(valid keys: .*lora_rank"):
        load_train_config(guide, ["lora_rnk=8"])


def test_qlora_without_cuda_fails_at_once(train_config):
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    cfg = load_train_config(train_config(quantization_bit=4))
    with pytest.raises(MedrailsError, match="CUDA"):
        sft_main(cfg)
    assert not cfg.output_dir or not (__import__("pathlib").Path(cfg.output_dir) / "run.json").exists()


def test_cutoff_len_shorter_than_every_prompt(train_config):
    with pytest.raises(MedrailsError, match="cutoff_len 4 is shorter than every train prompt"):
        sft_main(load_train_config(train_config(cutoff_len=4)))


def test_output_dir_holding_something_else_is_refused(train_config, tmp_path):
    other = tmp_path / "notarun"
    other.mkdir()
    (other / "notes.txt").write_text("mine")
    with pytest.raises(MedrailsError, match="holds no medrails run"):
        sft_main(load_train_config(train_config(output_dir=str(other))))


def test_bad_dataset_lines_name_file_and_line(train_config, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"prompt": "hi", "completion": "there"}\n{"prompt": "no answer"}\nnot json\n')
    with pytest.raises(MedrailsError, match=r"2 bad line\(s\).*bad.jsonl:2: missing completion.*bad.jsonl:3: not valid JSON"):
        sft_main(load_train_config(train_config(dataset=str(bad))))


def test_dpo_on_safety_pairs(train_config):
    from medrails.train.dpo import main as dpo_main

    result = dpo_main(load_train_config(train_config(stage="dpo", max_steps=3, save_steps=10)))
    assert result.metrics["global_step"] == 3 and (result.adapter_dir / "adapter_model.safetensors").is_file()
    assert result.metrics["eval_loss_after"] is not None


def test_cli_train_json_and_do_train_false(train_config):
    cmd = [sys.executable, "-c", "from medrails.cli import main; main()", "train", str(train_config(do_train=False)), "--json"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["validated_only"] is True
    cmd[-2] = str(train_config(quantization_bit=4))
    proc = subprocess.run(cmd, capture_output=True, text=True)
    assert proc.returncode == 2 and "CUDA" in proc.stderr
