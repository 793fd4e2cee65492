"""Routes for the UI, reviewers and admins: consent, review queue, audit viewer, stats, kill switch, keys."""

from __future__ import annotations

import asyncio
import json

from fastapi import APIRouter, Request

from medrails.audit import ReviewError
from medrails.serve.openai_api import ApiError
from medrails.serve.protect import Principal, authenticate, require_role
from medrails.serve.runtime import Runtime
from medrails.serve.state import ROLES


async def _json_body(request: Request) -> dict:
    raw = await request.body()
    if not raw:
        return {}
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ApiError(400, f"request body is not valid JSON: {exc}", code="invalid_json") from None
    if not isinstance(data, dict):
        raise ApiError(400, "request body must be a JSON object", code="invalid_json")
    return data


def _str_field(data: dict, name: str, required: bool = False, default: str = "") -> str:
    value = data.get(name, default)
    if value is None:
        value = default
    if not isinstance(value, str):
        raise ApiError(400, f"{name} must be a string", param=name, code="invalid_request")
    if required and not value.strip():
        raise ApiError(400, f"{name} is required", param=name, code="invalid_request")
    return value


def build_router(runtime: Runtime) -> APIRouter:
    router = APIRouter()

    def who(request: Request, role: str) -> Principal:
        principal = authenticate(runtime.state, runtime.open_mode, request.headers.get("authorization"),
                                 request.headers.get("x-api-key"))
        require_role(principal, role)
        return principal

    # -- UI bootstrap and consent ----------------------------------------------------------------------
    @router.get("/v1/ui/config")
    async def ui_config():
        policy = runtime.assistant.guard.policy if runtime.assistant else None
        return {"model_id": runtime.config.model_id, "auth_required": not runtime.open_mode,
                "consent_text": runtime.consent_text(), "disclaimer": policy.disclaimer if policy else "",
                "policy": policy.name if policy else None, "ready": runtime.assistant is not None,
                "emergency_numbers": runtime.policy_numbers()}

    @router.post("/v1/consent")
    async def consent(request: Request):
        principal = who(request, "user")
        data = await _json_body(request)
        if data.get("accepted") is not True:
            raise ApiError(400, "consent needs {\"accepted\": true}", param="accepted", code="invalid_request")
        consent_id = runtime.state.record_consent(principal.key_id)
        audit_id = await asyncio.to_thread(runtime.audit.append, {
            "consent_id": consent_id, "key_id": principal.key_id, "accepted": True,
            "text": runtime.consent_text()}, "consent")
        return {"consent_id": consent_id, "audit_id": audit_id}

    # -- review queue ----------------------------------------------------------------------------------
    @router.get("/v1/review")
    async def review_list(request: Request, status: str = "pending", limit: int = 100):
        who(request, "reviewer")
        try:
            items = await asyncio.to_thread(runtime.audit.review_list, None if status == "all" else status,
                                            max(1, min(limit, 500)))
        except ReviewError as exc:
            raise ApiError(400, str(exc), param="status", code="invalid_request") from None
        return {"items": [i.to_json() for i in items]}

    @router.post("/v1/review/{item_id}")
    async def review_act(item_id: str, request: Request):
        principal = who(request, "reviewer")
        data = await _json_body(request)
        action = _str_field(data, "action", required=True)
        reason = _str_field(data, "reason")
        text = data.get("text")
        if text is not None and not isinstance(text, str):
            raise ApiError(400, "text must be a string", param="text", code="invalid_request")
        try:
            item = await asyncio.to_thread(runtime.audit.review_act, item_id, action, principal.name, reason, text)
        except ReviewError as exc:
            status = 404 if "no review item" in str(exc) else 409 if "already" in str(exc) else 400
            raise ApiError(status, str(exc), code="review_error") from None
        return item.to_json()

    # -- audit viewer and dashboard --------------------------------------------------------------------
    @router.get("/v1/audit")
    async def audit_list(request: Request, limit: int = 50, before: int | None = None, kind: str | None = None):
        who(request, "reviewer")
        entries = await asyncio.to_thread(runtime.audit.recent, max(1, min(limit, 500)), before, kind or None)
        return {"entries": [e.to_json() for e in entries], "total": await asyncio.to_thread(runtime.audit.count)}

    @router.get("/v1/audit/verify")
    async def audit_verify(request: Request):
        who(request, "reviewer")
        report = await asyncio.to_thread(runtime.audit.verify)
        bad = report.first_bad
        return {"ok": report.ok, "checked": report.checked, "head_hash": report.head_hash,
                "first_bad": None if bad is None else bad.__dict__}

    @router.get("/v1/stats")
    async def stats(request: Request, hours: float = 24.0, bucket_minutes: float = 60.0):
        who(request, "reviewer")
        return await asyncio.to_thread(runtime.audit.stats, max(hours, 0.01) * 3600.0, max(bucket_minutes, 1.0) * 60.0)

    # -- admin -----------------------------------------------------------------------------------------
    @router.get("/v1/admin/status")
    async def admin_status(request: Request):
        who(request, "admin")
        return {"kill_switch": runtime.state.kill_switch().__dict__, "open_mode": runtime.open_mode,
                "in_flight": runtime.pool.admitted, "queue_depth": runtime.pool.queue_depth,
                "circuit": runtime.breaker.state if runtime.breaker else None}

    @router.post("/v1/admin/kill")
    async def admin_kill(request: Request):
        principal = who(request, "admin")
        reason = _str_field(await _json_body(request), "reason", default="engaged from the admin API")
        return await asyncio.to_thread(_set_kill, runtime, True, reason, principal.name)

    @router.post("/v1/admin/revive")
    async def admin_revive(request: Request):
        principal = who(request, "admin")
        reason = _str_field(await _json_body(request), "reason", default="released from the admin API")
        return await asyncio.to_thread(_set_kill, runtime, False, reason, principal.name)

    @router.get("/v1/admin/keys")
    async def keys_list(request: Request):
        who(request, "admin")
        return {"keys": [k.__dict__ for k in runtime.state.list_keys()]}

    @router.post("/v1/admin/keys")
    async def keys_create(request: Request):
        principal = who(request, "admin")
        data = await _json_body(request)
        role = _str_field(data, "role", required=True)
        if role not in ROLES:
            raise ApiError(400, f"role must be one of {', '.join(ROLES)}", param="role", code="invalid_request")
        key, token = await asyncio.to_thread(runtime.state.create_key, role, _str_field(data, "name"))
        # off the event loop: an audit append may scrub free text (Presidio) and waits on the disk
        await asyncio.to_thread(runtime.audit.append,
                                {"action": "key_create", "key_id": key.id, "role": role, "by": principal.name}, "admin")
        return {"key": key.__dict__, "token": token}

    return router


def _set_kill(runtime: Runtime, engaged: bool, reason: str, by: str) -> dict:
    state = runtime.state.set_kill_switch(engaged, reason, by)
    runtime.audit.append({"action": "kill" if engaged else "revive", "reason": reason, "by": by}, "admin")
    return state.__dict__
