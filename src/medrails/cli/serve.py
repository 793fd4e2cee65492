"""`medrails serve`: the guarded OpenAI-compatible server with its web UI."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import typer

from medrails.config.loader import load_config
from medrails.errors import MedrailsError


def serve(
    config: Path = typer.Option(None, "--config", "-c", help="Server YAML (see configs/serve/default.yaml)."),
    overrides: list[str] = typer.Option(None, "--set", help="Override a setting: --set workers=2"),
    host: str = typer.Option(None, "--host", help="Interface (default 127.0.0.1; others need API keys)."),
    port: int = typer.Option(None, "--port", help="Port (default 8000; 0 picks a free one)."),
    model: str = typer.Option(None, "--model", "-m", help="Model spec: embedded, HF dir, .gguf, openai:<url>#<model>."),
    policy: str = typer.Option(None, "--policy", "-p", help="Guard policy name or YAML path."),
    kb: str = typer.Option(None, "--kb", help="Knowledge base ('starter' default, 'none' to disable)."),
    workers: int = typer.Option(None, "--workers", help="Generation threads."),
    audit_url: str = typer.Option(None, "--audit-url", help="Audit store: sqlite:///path.db or postgresql://... "
                                  "(shared by replicas; default: SQLite under $MEDRAILS_HOME). A URL with a password "
                                  "is visible in `ps`: prefer $MEDRAILS_AUDIT_URL for it."),
) -> None:
    """Serve the guarded assistant: OpenAI-compatible API, web UI, metrics, audit trail."""
    import uvicorn

    from medrails.serve.app import create_app
    from medrails.serve.config import ServeConfig

    flags = {"host": host, "port": port, "workers": workers, "assistant.model": model, "assistant.policy": policy,
             "assistant.kb": "null" if kb == "none" else kb, "audit_url": audit_url}
    extra = [f"{k}={v}" for k, v in flags.items() if v is not None]
    cfg = load_config(ServeConfig, config, list(overrides or []) + extra)
    app = create_app(cfg)
    runtime = app.state.runtime
    sock = _bind(cfg.host, cfg.port)
    bound_port = sock.getsockname()[1]
    shown_host = "127.0.0.1" if cfg.host in ("0.0.0.0", "::") else cfg.host
    url = f"http://{shown_host}:{bound_port}"
    typer.echo(f"medrails serve: model {cfg.assistant.model}, policy {cfg.assistant.policy}, kb {cfg.assistant.kb}, "
               f"audit {runtime.audit.url}")
    typer.echo(f"state (keys, kill switch): {runtime.state.url} "
               f"({'shared by replicas' if runtime.state.shared else 'this machine only'})")
    if runtime.open_mode:
        typer.secho(f"open mode: no API keys configured, so the server listens on {cfg.host} only and every caller "
                    "is admin. Create keys with `medrails admin keys create --role admin` before exposing it.",
                    fg=typer.colors.YELLOW)
    typer.echo(f"web UI:  {url}/   (review {url}/ui/review, dashboard {url}/ui/dashboard, audit {url}/ui/audit)")
    typer.echo(f"API:     {url}/v1  (OpenAI-compatible, model '{cfg.model_id}'), metrics {url}/metrics")
    threading.Thread(target=_announce_ready, args=(runtime,), daemon=True).start()
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", limit_concurrency=cfg.max_connections,
                                           timeout_keep_alive=5, h11_max_incomplete_event_size=16384))
    server.run(sockets=[sock])


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        raise MedrailsError(f"cannot listen on {host}:{port}: {exc.strerror} (pick another --port)") from None
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def _announce_ready(runtime) -> None:
    started = time.monotonic()
    while runtime.assistant is None and runtime.load_error is None:
        time.sleep(0.2)
    if runtime.load_error:
        typer.secho(f"error: the model failed to load: {runtime.load_error}", err=True, fg=typer.colors.RED)
    else:
        typer.echo(f"ready: model loaded in {time.monotonic() - started:.1f}s")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
