"""`medrails eval`, `eval compare` and `medrails card` through the real CLI."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from medrails.cli import app
from medrails.errors import MedrailsError

runner = CliRunner()


def test_eval_compare_and_card(tiny_model_dir, medqa_file, tmp_path, medrails_home):
    runs = []
    for name, shots in (("zero", "0"), ("one", "1")):
        out = tmp_path / name
        result = runner.invoke(app, ["eval", "--model", str(tiny_model_dir), "--tasks", "medqa,ncbi_disease",
                                     "--data", f"medqa={medqa_file}", "--limit", "3", "--shots", shots,
                                     "--out", str(out), "--json"])
        assert result.exit_code == 0, result.output
        payload = json.loads(result.stdout[result.stdout.index("{"):])
        assert payload["results"]["medqa"]["acc"]["n"] == 3
        assert payload["results"]["ncbi_disease"]["extractor"] == "dictionary"
        runs.append(out)
    run = json.loads((runs[1] / "run.json").read_text())
    assert run["tasks"]["medqa"]["prompt"]["shots"] == 1
    assert run["tasks"]["medqa"]["prompt"]["fewshot_ids"] == ["medqa-1"]

    result = runner.invoke(app, ["eval", "compare", str(runs[0]), str(runs[1])])
    assert result.exit_code == 0, result.output
    assert "| medqa | accuracy |" in result.stdout and "(zero)" in result.stdout and "(one)" in result.stdout
    assert "BioMistral-7B" in result.stdout  # the seed's reference row next to medqa

    result = runner.invoke(app, ["card", "--run", str(runs[0])])
    assert result.exit_code == 0, result.output
    card = (runs[0] / "README.md").read_text()
    assert card.startswith("---\n") and "model-index" in card
    for section in ("## Intended use", "## Out-of-scope use", "## Training data lineage", "## Evaluation results",
                    "## Safety results", "## Limitations", "## Disclaimer"):
        assert section in card
    assert "NOT EVALUATED" in card  # no safety task in this run: the card says so


def test_eval_errors_are_actionable(tmp_path):
    result = runner.invoke(app, ["eval", "--tasks", "medqa"])
    assert isinstance(result.exception, MedrailsError) and "--data medqa=" in str(result.exception)
    result = runner.invoke(app, ["eval", "--tasks", "nope"])
    assert "unknown task" in str(result.exception)
    result = runner.invoke(app, ["eval", "--tasks", "medqa", "--data", "medqa"])
    assert "TASK=PATH" in str(result.exception)


def test_eval_cli_passes_batch_and_benign_settings_through(tmp_path):
    result = runner.invoke(app, ["eval", "--tasks", "safety", "--safety-benign", "-1"])
    assert isinstance(result.exception, MedrailsError) and "safety_benign" in str(result.exception)
    result = runner.invoke(app, ["eval", "--tasks", "medqa", "--data", f"medqa={tmp_path / 'x.jsonl'}",
                                 "--batch-size", "0"])
    assert "batch_size" in str(result.exception)


def test_bfloat16_scoring_is_recorded_and_never_resumes_a_float32_run(tiny_model_dir, medqa_file, tmp_path,
                                                                        medrails_home):
    out = tmp_path / "run"
    base = ["eval", "--model", str(tiny_model_dir), "--tasks", "medqa", "--data", f"medqa={medqa_file}",
            "--limit", "3", "--out", str(out), "--json"]
    result = runner.invoke(app, base + ["--dtype", "float32"])
    assert result.exit_code == 0, result.output
    fp32 = json.loads((out / "run.json").read_text())["tasks"]["medqa"]
    assert fp32["dtype"] == "float32"
    result = runner.invoke(app, base + ["--dtype", "bfloat16"])
    # the message names the flag that resumes it (a float32 run from before --dtype auto became the default)
    assert isinstance(result.exception, MedrailsError) and "pass --dtype float32 to resume" in str(result.exception)
    other = tmp_path / "bf16"
    result = runner.invoke(app, [*base[:-3], "--out", str(other), "--json", "--dtype", "bfloat16"])
    assert result.exit_code == 0, result.output
    bf16 = json.loads((other / "run.json").read_text())["tasks"]["medqa"]
    assert bf16["dtype"] == "bfloat16" and bf16["fingerprint"] != fp32["fingerprint"]
    assert json.loads(result.stdout[result.stdout.index("{"):])["results"]["medqa"]["acc"]["n"] == 3
    result = runner.invoke(app, [*base[:-3], "--out", str(tmp_path / "bad"), "--dtype", "float16"])
    assert isinstance(result.exception, MedrailsError) and "dtype" in str(result.exception)


def test_summary_says_which_precision_scored_the_items(tiny_model_dir, medqa_file, tmp_path, medrails_home):
    # bfloat16 can flip near ties: a reader comparing the report with lm-eval must see the precision
    out = tmp_path / "verified"
    base = ["eval", "--model", str(tiny_model_dir), "--tasks", "medqa", "--data", f"medqa={medqa_file}",
            "--limit", "3", "--json"]
    result = runner.invoke(app, [*base, "--out", str(out), "--dtype", "verified", "--verify-margin", "1000"])
    assert result.exit_code == 0, result.output
    text = (out / "summary.md").read_text()
    # a run shorter than the calibration is scored in float32 alone; with a fixed bound bfloat16 runs and,
    # at 1000 nats, every item is close: all three are decided in float32
    assert "verified precision: 3 of 3 items decided in float32" in text and "within 1000.0 nats" in text
    result = runner.invoke(app, ["card", "--run", str(out)])  # the model card says it too
    assert result.exit_code == 0, result.output
    assert "verified precision: 3 of 3 items decided in float32" in (out / "README.md").read_text()
    result = runner.invoke(app, [*base, "--out", str(tmp_path / "short"), "--dtype", "verified"])
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "short" / "run.json").read_text())["tasks"]["medqa"]["verify"]["calibrated"] is False
    text = (tmp_path / "short" / "summary.md").read_text()  # no bound of 0.0 nats from 0 items
    assert "every item scored in float32 alone (the run is shorter than its 32-item calibration)" in text
    assert "nats" not in text
    result = runner.invoke(app, [*base, "--out", str(tmp_path / "half"), "--dtype", "bfloat16"])
    assert result.exit_code == 0, result.output
    assert "weights in bfloat16" in (tmp_path / "half" / "summary.md").read_text()


def test_dtype_that_cannot_apply_is_refused(tmp_path, medrails_home, medqa_file):
    # an endpoint is scored by generation: --dtype verified would be silently ignored
    for extra in (["--model", "openai:http://127.0.0.1:9/v1#m", "--tasks", "medqa"],
                  ["--tasks", "medqa", "--mode", "generate"], ["--tasks", "summarization"]):
        result = runner.invoke(app, ["eval", *extra, "--data", f"medqa={medqa_file}", "--dtype", "verified",
                                     "--out", str(tmp_path / "run")])
        assert isinstance(result.exception, MedrailsError), result.output
        assert "--dtype verified sets the precision of log-likelihood scoring" in str(result.exception)
    assert not (tmp_path / "run").exists() or not any((tmp_path / "run").rglob("*.jsonl"))
