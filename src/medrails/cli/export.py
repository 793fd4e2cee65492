"""`medrails export --adapter DIR --out DIR [--merge]`: merged safetensors + Ollama Modelfile."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from medrails.cli._common import print_json


def export_command(
    adapter: Path = typer.Option(..., "--adapter", help="The adapter folder written by `medrails train` (OUTPUT_DIR/adapter)."),
    out: Path = typer.Option(..., "--out", help="Destination folder (must be empty or absent; --force replaces it)."),
    merge: bool = typer.Option(False, "--merge/--no-merge", help="Merge the LoRA weights into the base (a standalone model)."),
    base: str = typer.Option(None, "--base", help="Base model spec, when the adapter does not record it."),
    policy: str = typer.Option("patient-education", "--policy", help="Policy whose system prompt goes into the Modelfile."),
    force: bool = typer.Option(False, "--force", help="Replace an existing --out folder."),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Export a trained adapter: merged HF safetensors (transformers, vLLM) or the adapter, plus an Ollama Modelfile."""
    from medrails.train.export import export

    result = export(adapter, out, merge=merge, force=force, base=base, policy=policy)
    if json_out:
        print_json({"out_dir": str(result.out_dir), "merged": result.merged, "base_model_dir": str(result.base_model_dir),
                    "modelfile": str(result.modelfile)})
        return
    kind = "merged model (safetensors)" if result.merged else "adapter + base reference"
    Console().print(f"exported {kind} to {result.out_dir}\n"
                    f"  transformers: AutoModelForCausalLM.from_pretrained('{result.out_dir}')\n"
                    f"  vLLM:         vllm serve {result.out_dir}\n"
                    f"  Ollama:       cd {result.out_dir} && ollama create medrails-model -f Modelfile")


def register(app: typer.Typer) -> None:
    app.command("export")(export_command)
