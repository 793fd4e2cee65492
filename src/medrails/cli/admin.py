"""`medrails admin`: API keys and the kill switch (effective at once on running servers, kept across restarts).

The commands find the server state the way `medrails serve` does (serve.state.state_location):
--state-url/--state-db, else $MEDRAILS_STATE_URL, else the audit URL when it is PostgreSQL (the
database replicas share), else $MEDRAILS_HOME/serve.db. `--config` reads those settings from the
server's YAML, so the CLI acts on the same store as the servers started with it.
"""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Annotated

import typer

from medrails.cli._common import print_json

admin_app = typer.Typer(help="API keys and the kill switch.", no_args_is_help=True)
keys_app = typer.Typer(help="Create, list and revoke API keys.", no_args_is_help=True)
admin_app.add_typer(keys_app, name="keys")

ConfigOpt = Annotated[Path | None, typer.Option(
    "--config", "-c", help="The server's YAML: use its state_url/state_db/audit_url (flags win).")]
StateUrlOpt = Annotated[str | None, typer.Option(
    "--state-url", help="Server state DB: SQLite path, sqlite:///path or postgresql://... (default: "
    "$MEDRAILS_STATE_URL, else the audit URL if PostgreSQL, else $MEDRAILS_HOME/serve.db).")]
StateDbOpt = Annotated[str | None, typer.Option("--state-db", help="Server state SQLite file (older name of --state-url).")]
AuditOpt = Annotated[str | None, typer.Option(
    "--audit-url", help="Audit database URL (default $MEDRAILS_AUDIT_URL or $MEDRAILS_HOME/audit.db).")]


def _targets(config: Path | None, state_url: str | None, state_db: str | None,
             audit_url: str | None) -> tuple[str | None, str | None]:
    """(state location, audit URL) as the server would resolve them."""
    from medrails.serve.state import state_location

    if config is not None:
        from medrails.config.loader import load_config
        from medrails.serve.config import ServeConfig

        cfg = load_config(ServeConfig, config)
        if not (state_url or state_db):
            state_url, state_db = cfg.state_url, cfg.state_db
        audit_url = audit_url or cfg.audit_url
    return state_location(state_url, state_db, audit_url), audit_url


def _state(config: Path | None, state_url: str | None, state_db: str | None, audit_url: str | None):
    from medrails.serve.state import ServerState

    location, _ = _targets(config, state_url, state_db, audit_url)
    return ServerState(location, cache_s=0)


def _audit(config: Path | None, audit_url: str | None, record: dict) -> str:
    from medrails.audit import open_audit_store

    _, url = _targets(config, None, None, audit_url)
    store = open_audit_store(url)
    try:
        return store.append(record, kind="admin")
    finally:
        store.close()


@keys_app.command("create")
def keys_create(role: str = typer.Option(..., "--role", help="user, reviewer or admin."),
                name: str = typer.Option("", "--name", help="A label for the key."),
                config: ConfigOpt = None, state_url: StateUrlOpt = None, state_db: StateDbOpt = None,
                audit_url: AuditOpt = None) -> None:
    """Create a key and print its token once (only a salted hash is stored)."""
    key, token = _state(config, state_url, state_db, audit_url).create_key(role, name)
    _audit(config, audit_url, {"action": "key_create", "key_id": key.id, "role": key.role, "by": getpass.getuser()})
    typer.echo(f"created {key.role} key {key.id} ({key.name}); token (shown once, store it safely):")
    typer.echo(token)


@keys_app.command("list")
def keys_list(config: ConfigOpt = None, state_url: StateUrlOpt = None, state_db: StateDbOpt = None,
              audit_url: AuditOpt = None, json_out: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """List keys (never their secrets)."""
    keys = _state(config, state_url, state_db, audit_url).list_keys()
    if json_out:
        print_json([k.__dict__ for k in keys])
        return
    if not keys:
        typer.echo("no API keys: `medrails serve` runs open on 127.0.0.1 only")
    for k in keys:
        typer.echo(f"{k.id}  {k.role:<8}  {k.created}  {'REVOKED' if k.revoked else 'active '}  {k.name}")


@keys_app.command("revoke")
def keys_revoke(key_id: str = typer.Argument(..., help="Key id (the part after 'mr-')."),
                config: ConfigOpt = None, state_url: StateUrlOpt = None, state_db: StateDbOpt = None,
                audit_url: AuditOpt = None) -> None:
    """Revoke a key at once."""
    _state(config, state_url, state_db, audit_url).revoke_key(key_id)
    _audit(config, audit_url, {"action": "key_revoke", "key_id": key_id, "by": getpass.getuser()})
    typer.echo(f"revoked {key_id}")


@admin_app.command("kill")
def kill(reason: str = typer.Option("engaged from the command line", "--reason", help="Why (recorded)."),
         config: ConfigOpt = None, state_url: StateUrlOpt = None, state_db: StateDbOpt = None,
         audit_url: AuditOpt = None) -> None:
    """Stop all generation now: every chat request gets a safe 503 until `medrails admin revive`."""
    by = getpass.getuser()
    state = _state(config, state_url, state_db, audit_url)
    state.set_kill_switch(True, reason, by)
    _audit(config, audit_url, {"action": "kill", "reason": reason, "by": by})
    typer.echo(f"kill switch ENGAGED by {by}: {reason} (state {state.url})")


@admin_app.command("revive")
def revive(reason: str = typer.Option("released from the command line", "--reason", help="Why (recorded)."),
           config: ConfigOpt = None, state_url: StateUrlOpt = None, state_db: StateDbOpt = None,
           audit_url: AuditOpt = None) -> None:
    """Release the kill switch."""
    by = getpass.getuser()
    state = _state(config, state_url, state_db, audit_url)
    state.set_kill_switch(False, reason, by)
    _audit(config, audit_url, {"action": "revive", "reason": reason, "by": by})
    typer.echo(f"kill switch released by {by} (state {state.url})")


@admin_app.command("status")
def status(config: ConfigOpt = None, state_url: StateUrlOpt = None, state_db: StateDbOpt = None,
           audit_url: AuditOpt = None) -> None:
    """Show where the state lives, the kill switch and how many keys exist."""
    state = _state(config, state_url, state_db, audit_url)
    kill_switch = state.kill_switch()
    keys = [k for k in state.list_keys() if not k.revoked]
    line = f"ENGAGED since {kill_switch.since} by {kill_switch.by}: {kill_switch.reason}" if kill_switch.engaged else "off"
    shared = "shared by replicas" if state.shared else "this machine only"
    typer.echo(f"state: {state.url} ({shared})\nkill switch: {line}\nactive API keys: {len(keys)}")


def register(app: typer.Typer) -> None:
    app.add_typer(admin_app, name="admin")
