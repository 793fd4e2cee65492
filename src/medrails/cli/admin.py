"""`medrails admin`: API keys and the kill switch (effective at once on running servers, kept across restarts)."""

from __future__ import annotations

import getpass

import typer

from medrails.cli._common import print_json

admin_app = typer.Typer(help="API keys and the kill switch.", no_args_is_help=True)
keys_app = typer.Typer(help="Create, list and revoke API keys.", no_args_is_help=True)
admin_app.add_typer(keys_app, name="keys")
STATE_HELP = "Server state DB (default $MEDRAILS_HOME/serve.db; match the server's state_db)."
AUDIT_HELP = "Audit database URL (default $MEDRAILS_AUDIT_URL or $MEDRAILS_HOME/audit.db)."


def _state(path: str | None):
    from medrails.serve.state import ServerState

    return ServerState(path)


def _audit(url: str | None, record: dict) -> str:
    from medrails.audit import open_audit_store

    return open_audit_store(url).append(record, kind="admin")


@keys_app.command("create")
def keys_create(role: str = typer.Option(..., "--role", help="user, reviewer or admin."),
                name: str = typer.Option("", "--name", help="A label for the key."),
                state_db: str = typer.Option(None, "--state-db", help=STATE_HELP),
                audit_url: str = typer.Option(None, "--audit-url", help=AUDIT_HELP)) -> None:
    """Create a key and print its token once (only a salted hash is stored)."""
    key, token = _state(state_db).create_key(role, name)
    _audit(audit_url, {"action": "key_create", "key_id": key.id, "role": key.role, "by": getpass.getuser()})
    typer.echo(f"created {key.role} key {key.id} ({key.name}); token (shown once, store it safely):")
    typer.echo(token)


@keys_app.command("list")
def keys_list(state_db: str = typer.Option(None, "--state-db", help=STATE_HELP),
              json_out: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """List keys (never their secrets)."""
    keys = _state(state_db).list_keys()
    if json_out:
        print_json([k.__dict__ for k in keys])
        return
    if not keys:
        typer.echo("no API keys: `medrails serve` runs open on 127.0.0.1 only")
    for k in keys:
        typer.echo(f"{k.id}  {k.role:<8}  {k.created}  {'REVOKED' if k.revoked else 'active '}  {k.name}")


@keys_app.command("revoke")
def keys_revoke(key_id: str = typer.Argument(..., help="Key id (the part after 'mr-')."),
                state_db: str = typer.Option(None, "--state-db", help=STATE_HELP),
                audit_url: str = typer.Option(None, "--audit-url", help=AUDIT_HELP)) -> None:
    """Revoke a key at once."""
    _state(state_db).revoke_key(key_id)
    _audit(audit_url, {"action": "key_revoke", "key_id": key_id, "by": getpass.getuser()})
    typer.echo(f"revoked {key_id}")


@admin_app.command("kill")
def kill(reason: str = typer.Option("engaged from the command line", "--reason", help="Why (recorded)."),
         state_db: str = typer.Option(None, "--state-db", help=STATE_HELP),
         audit_url: str = typer.Option(None, "--audit-url", help=AUDIT_HELP)) -> None:
    """Stop all generation now: every chat request gets a safe 503 until `medrails admin revive`."""
    by = getpass.getuser()
    _state(state_db).set_kill_switch(True, reason, by)
    _audit(audit_url, {"action": "kill", "reason": reason, "by": by})
    typer.echo(f"kill switch ENGAGED by {by}: {reason}")


@admin_app.command("revive")
def revive(reason: str = typer.Option("released from the command line", "--reason", help="Why (recorded)."),
           state_db: str = typer.Option(None, "--state-db", help=STATE_HELP),
           audit_url: str = typer.Option(None, "--audit-url", help=AUDIT_HELP)) -> None:
    """Release the kill switch."""
    by = getpass.getuser()
    _state(state_db).set_kill_switch(False, reason, by)
    _audit(audit_url, {"action": "revive", "reason": reason, "by": by})
    typer.echo(f"kill switch released by {by}")


@admin_app.command("status")
def status(state_db: str = typer.Option(None, "--state-db", help=STATE_HELP)) -> None:
    """Show the kill switch and how many keys exist."""
    state = _state(state_db)
    kill_switch = state.kill_switch()
    keys = [k for k in state.list_keys() if not k.revoked]
    line = f"ENGAGED since {kill_switch.since} by {kill_switch.by}: {kill_switch.reason}" if kill_switch.engaged else "off"
    typer.echo(f"kill switch: {line}\nactive API keys: {len(keys)}")


def register(app: typer.Typer) -> None:
    app.add_typer(admin_app, name="admin")
