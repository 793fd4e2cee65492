"""The FastAPI app: OpenAI-compatible chat completions behind the guard, health, metrics, web UI."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
import uuid
from collections.abc import AsyncIterator

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from medrails.assistant import Assistant
from medrails.models.base import Message
from medrails.paths import package_file
from medrails.serve import openai_api as oa
from medrails.serve.config import ServeConfig
from medrails.serve.openai_api import ApiError
from medrails.serve.pool import PoolFull
from medrails.serve.protect import BodyLimitMiddleware, Principal, authenticate, require_role
from medrails.serve.runtime import Runtime, backend_failure

log = logging.getLogger(__name__)
STATIC = package_file("serve", "static")
PAGES = {"/": "chat.html", "/ui/review": "review.html", "/ui/dashboard": "dashboard.html", "/ui/audit": "audit.html"}


def create_app(config: ServeConfig | None = None, assistant: Assistant | None = None) -> FastAPI:
    """The server app. Without `assistant` the configured one loads in the background (see /readyz)."""
    config = config or ServeConfig()
    runtime = Runtime.create(config, assistant)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI):
        if runtime.assistant is None:
            runtime.load_in_background()
        yield
        runtime.pool.shutdown()

    app = FastAPI(title="medrails", version="0.1", lifespan=lifespan, docs_url="/docs", redoc_url=None)
    app.state.runtime = runtime
    _install_error_handlers(app, runtime)

    # A plain ASGI middleware, not @app.middleware("http"): Starlette's BaseHTTPMiddleware wraps
    # `receive` so that request.is_disconnected() never turns True, and watch_cancel could not see
    # a client that went away.
    app.add_middleware(CountResponses, runtime=runtime)

    app.add_middleware(BodyLimitMiddleware, max_bytes=config.max_body_bytes, timeout_s=config.body_timeout_s,
                       on_reject=lambda code: runtime.metrics.rejected.labels(code).inc())

    # -- health ------------------------------------------------------------------------------------
    @app.get("/healthz")
    async def healthz():
        return {"status": "ok", "uptime_s": round(time.time() - runtime.started, 1)}

    @app.get("/readyz")
    async def readyz():
        checks = {"assistant": runtime.assistant is not None, "load_error": runtime.load_error}
        try:
            await asyncio.to_thread(runtime.audit.head)
            checks["audit"] = True
        except Exception as exc:
            checks["audit"] = False
            checks["audit_error"] = str(exc)
        kill = runtime.state.kill_switch()
        checks["kill_switch"] = kill.engaged
        checks["circuit"] = runtime.breaker.state if runtime.breaker else None
        ready = checks["assistant"] and checks["audit"]
        return JSONResponse({"ready": ready, **checks}, status_code=200 if ready else 503)

    @app.get("/metrics")
    async def metrics():
        m = runtime.metrics
        m.queue_depth.set(runtime.pool.queue_depth)
        m.in_flight.set(runtime.pool.admitted)
        m.kill_switch.set(1 if runtime.state.kill_switch().engaged else 0)
        m.circuit_open.set(1 if runtime.breaker and runtime.breaker.state != "closed" else 0)
        return Response(m.render(), media_type="text/plain; version=0.0.4")

    # -- OpenAI-compatible API -----------------------------------------------------------------------
    @app.get("/v1/models")
    async def models(request: Request):
        principal(request, runtime)
        return {"object": "list", "data": [{"id": config.model_id, "object": "model", "created": int(runtime.started),
                                            "owned_by": "medrails"}]}

    @app.post("/v1/chat/completions")
    async def chat_completions(request: Request):
        who = principal(request, runtime)
        require_role(who, "user")
        runtime.limiter.check(who.key_id if who.key_id != "open" else f"ip:{request.client.host if request.client else '?'}")
        await check_kill_switch(runtime, who)
        if runtime.assistant is None:
            raise ApiError(503, runtime.load_error and f"the model failed to load: {runtime.load_error}"
                           or "the model is still loading; retry shortly (see /readyz)", "service_unavailable",
                           "not_ready", headers={"Retry-After": "5"})
        req = oa.parse_request(await request.body())
        if req.model != config.model_id:
            raise ApiError(404, f"model {req.model!r} not found; this server serves {config.model_id!r} "
                           "(see GET /v1/models)", code="model_not_found", param="model")
        question, history = split_messages(req.messages, config.history_turns,
                                           redact_history=not policy_redacts_phi(runtime.assistant))
        if config.require_consent:
            consent = request.headers.get("x-medrails-consent", "")
            if not consent or not runtime.state.has_consent(consent):
                raise ApiError(428, "acknowledge the medical disclaimer first: POST /v1/consent and send its id in "
                               "X-Medrails-Consent", code="consent_required")
        assistant = runtime.assistant_for(req.max_completion_tokens or req.max_tokens, req.temperature, req.top_p,
                                          req.seed)
        completion_id = f"chatcmpl-{uuid.uuid4().hex[:24]}"
        if req.stream:
            include_usage = bool(req.stream_options and req.stream_options.include_usage)
            cancel = threading.Event()  # set on kill switch or client gone: generation stops, still audited
            try:
                events = runtime.pool.stream(lambda: assistant.stream(question, history, cancel=cancel))
            except PoolFull as exc:
                raise busy(runtime, exc) from None
            return StreamingResponse(stream_body(runtime, events, completion_id, include_usage, question, cancel),
                                     media_type="text/event-stream",
                                     headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
        started = time.perf_counter()
        cancel = threading.Event()  # set on kill switch or client gone: a local model stops, still audited
        try:
            verdict = await watch_cancel(
                runtime, request, cancel,
                runtime.pool.call(lambda: assistant.ask(question, history, cancel=cancel), config.request_timeout_s))
        except PoolFull as exc:
            raise busy(runtime, exc) from None
        except TimeoutError:
            raise ApiError(504, f"no answer within {config.request_timeout_s:.0f}s; the request is still recorded in "
                           "the audit log when it finishes", "timeout", "generation_timeout") from None
        seconds = time.perf_counter() - started
        completion_tokens = runtime.count_tokens(verdict.answer)
        runtime.metrics.observe_verdict(verdict, seconds, False, completion_tokens)
        await check_kill_switch(runtime, who)  # engaged while this answer was generated: do not release it
        failure = backend_failure(verdict)
        if failure is not None:
            status, code, reason = failure
            raise ApiError(status, f"the model backend failed ({reason}); the user-facing safe answer is in "
                           "medrails.answer", "upstream_error", code,
                           extra={"medrails": {**oa.medrails_extension(verdict), "answer": verdict.answer}})
        body = oa.completion(completion_id, config.model_id, verdict,
                             oa.usage(runtime.count_tokens(question), completion_tokens))
        return JSONResponse(body)

    from medrails.serve.admin_api import build_router

    app.include_router(build_router(runtime))

    if config.ui:
        app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
        for path, filename in PAGES.items():
            app.add_api_route(path, _page(filename), methods=["GET"], include_in_schema=False)
    return app


class CountResponses:
    """Counts responses by route and status (medrails_http_responses)."""

    def __init__(self, app, runtime: Runtime):
        self.app = app
        self.runtime = runtime

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        status = [500]  # an exception escaping the app ends as a 500

        async def counting_send(message):
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, counting_send)
        finally:
            path = scope.get("path", "")
            route = path if path.startswith(("/v1/", "/healthz", "/readyz", "/metrics")) and len(path) < 40 else "other"
            self.runtime.metrics.http.labels(route, str(status[0])).inc()


def _page(filename: str):
    async def page():
        return FileResponse(STATIC / filename, media_type="text/html")
    return page


def principal(request: Request, runtime: Runtime) -> Principal:
    return authenticate(runtime.state, runtime.open_mode, request.headers.get("authorization"),
                        request.headers.get("x-api-key"))


def busy(runtime: Runtime, exc: PoolFull) -> ApiError:
    runtime.metrics.rejected.labels("busy").inc()
    return ApiError(runtime.config.busy_status, f"{exc}; retry shortly", "server_busy", "queue_full",
                    headers={"Retry-After": "2"})


CANCEL_POLL_S = 0.25


async def watch_cancel(runtime: Runtime, request: Request, cancel: threading.Event, call):
    """Await `call`, setting `cancel` if the kill switch is engaged (by any replica or the CLI)
    or the client disconnects while it runs. It is also set whenever this returns without an
    answer (request timeout, this handler cancelled): nobody will read the rest of the answer, so a
    local model stops instead of holding a worker and a CPU slot to its end (still audited)."""
    task = asyncio.ensure_future(call)
    try:
        while True:
            done, _ = await asyncio.wait({task}, timeout=CANCEL_POLL_S)
            if done:
                return task.result()
            if not cancel.is_set() and (_kill_switch_engaged(runtime) or await request.is_disconnected()):
                cancel.set()
    except BaseException:
        cancel.set()
        if not task.done():
            task.cancel()  # the worker's own future is shielded: it still ends and is audited
        raise


def _kill_switch_engaged(runtime: Runtime) -> bool:
    """The switch as this replica can read it; unreadable counts as engaged (fail closed)."""
    try:
        return runtime.state.kill_switch().engaged
    except Exception as exc:
        log.warning("could not read the kill switch while an answer was generated (stopping it): %s", exc)
        return True


async def check_kill_switch(runtime: Runtime, who: Principal) -> None:
    kill = runtime.state.kill_switch()
    if kill.engaged:
        runtime.metrics.rejected.labels("kill_switch").inc()
        await asyncio.to_thread(runtime.audit.append, {"reason": "kill_switch", "key_id": who.key_id}, "rejected")
        raise ApiError(503, runtime.safe_unavailable_message(), "service_unavailable", "kill_switch",
                       headers={"Retry-After": "60"})


def policy_redacts_phi(assistant: Assistant) -> bool:
    return any(stage.name == "phi_redaction" for stage, _ in assistant.guard.input_stages)


def split_messages(messages: list[oa.ChatMessage], history_turns: int,
                   redact_history: bool = True) -> tuple[str, list[Message]]:
    """The last user message is the question; earlier user/assistant turns are history.
    Client system prompts are dropped: the guard policy's system prompt governs the model.
    The assistant redacts PHI in history with the policy's phi_redaction stage; for a policy
    without one, the server redacts earlier user turns itself (`redact_history`)."""
    if messages[-1].role != "user":
        raise ApiError(400, f"the last message must have role 'user' (got {messages[-1].role!r})",
                       param=f"messages.{len(messages) - 1}.role", code="invalid_request")
    question = messages[-1].text(f"messages.{len(messages) - 1}.content")
    if not question.strip():
        raise ApiError(400, "the last user message is empty", param=f"messages.{len(messages) - 1}.content",
                       code="invalid_request")
    history: list[Message] = []
    for i, msg in enumerate(messages[:-1]):
        if msg.role in ("user", "assistant"):
            text = msg.text(f"messages.{i}.content")
            if msg.role == "user" and redact_history:
                from medrails.audit.scrub import scrub_text

                text = scrub_text(text)
            history.append({"role": msg.role, "content": text})
    return question, history[-history_turns:] if history_turns else []


class _StreamStopped:
    def __init__(self, reason: str):
        self.reason = reason  # "kill_switch" or "timeout"


async def _watched(runtime: Runtime, events: AsyncIterator, deadline: float) -> AsyncIterator:
    """The stream's events; ends with a _StreamStopped once the kill switch is engaged or the request's
    deadline passes, checked every CANCEL_POLL_S also while no token arrives (a long prefill, a
    stalled upstream), not only between tokens."""
    iterator = events.__aiter__()
    while True:
        pending = asyncio.ensure_future(iterator.__anext__())
        stopped = None
        while stopped is None:
            done, _ = await asyncio.wait({pending}, timeout=CANCEL_POLL_S)
            if done:
                break
            if _kill_switch_engaged(runtime):
                stopped = "kill_switch"
            elif time.perf_counter() > deadline:
                stopped = "timeout"
        if stopped is not None:
            pending.cancel()  # the worker still runs to its end (the cancel event makes that quick) and audits
            yield _StreamStopped(stopped)
            return
        try:
            event = pending.result()
        except StopAsyncIteration:
            return
        if _kill_switch_engaged(runtime):  # engaged while this token was made: do not send it
            yield _StreamStopped("kill_switch")
            return
        if time.perf_counter() > deadline and getattr(event, "verdict", None) is None:  # a finished answer still goes out
            yield _StreamStopped("timeout")
            return
        yield event


async def stream_body(runtime: Runtime, events: AsyncIterator, completion_id: str, include_usage: bool,
                      question: str, cancel: threading.Event) -> AsyncIterator[bytes]:
    model_id = runtime.config.model_id
    created = int(time.time())
    started = time.perf_counter()
    sent = ""
    yield oa.sse(oa.chunk(completion_id, model_id, created, {"role": "assistant", "content": ""}))
    verdict = None
    extension: dict = {}
    finished = False
    deadline = started + runtime.config.request_timeout_s
    try:
        async for event in _watched(runtime, events, deadline):
            if isinstance(event, _StreamStopped):
                cancel.set()
                if event.reason == "kill_switch":
                    text = runtime.safe_unavailable_message()
                    runtime.metrics.rejected.labels("kill_switch").inc()
                else:
                    text = (f"This answer took longer than {runtime.config.request_timeout_s:.0f}s and was stopped. "
                            "Please try again, or talk to a qualified healthcare provider.")
                text = ("\n\n" if sent else "") + text
                yield oa.sse(oa.chunk(completion_id, model_id, created, {"content": text}))
                sent += text
                extension = {"decision": "refuse", "category": "kill_switch" if event.reason == "kill_switch"
                             else "fail_closed", "citations": [], "disclaimer": "", "audit_id": "", "stages": [],
                             "redactions": [], "error": event.reason}
                break
            if event.text:
                sent += event.text
                yield oa.sse(oa.chunk(completion_id, model_id, created, {"content": event.text}))
            if event.verdict is not None:
                verdict = event.verdict
                extension = oa.medrails_extension(verdict)
                failure = backend_failure(verdict)
                if failure is not None:
                    extension["error"] = failure[1]
        finished = True
    except Exception as exc:  # fail closed: end the stream with the safe message, never a traceback
        finished = True
        text = ("\n\n" if sent else "") + "I can't give a reliable answer right now. Please talk to a qualified " \
            "healthcare provider."
        yield oa.sse(oa.chunk(completion_id, model_id, created, {"content": text}))
        extension = {"decision": "refuse", "category": "fail_closed", "error": f"{exc.__class__.__name__}"}
    finally:
        if not finished:  # the client went away mid-stream: stop generating (the request is still audited)
            cancel.set()
    tokens = runtime.count_tokens(sent)
    if verdict is not None:
        runtime.metrics.observe_verdict(verdict, time.perf_counter() - started, True, tokens)
    yield oa.sse(oa.chunk(completion_id, model_id, created, {}, "stop", extension))
    if include_usage:
        body = oa.chunk(completion_id, model_id, created, {}, None)
        body["choices"] = []
        body["usage"] = oa.usage(runtime.count_tokens(question), tokens)
        yield oa.sse(body)
    yield oa.sse("[DONE]")


def _install_error_handlers(app: FastAPI, runtime: Runtime) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError):
        return JSONResponse(exc.body(), status_code=exc.status, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in exc.errors()[:5])
        return JSONResponse(ApiError(400, f"invalid request: {problems}", code="invalid_request").body(), 400)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException):
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        message = f"{exc.detail}" + (" (see /docs for the API)" if exc.status_code in (404, 405) else "")
        return JSONResponse(ApiError(exc.status_code, message, code=code).body(), exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def unexpected(_request: Request, exc: Exception):
        runtime.metrics.rejected.labels("internal_error").inc()
        return JSONResponse(ApiError(500, f"internal error ({exc.__class__.__name__}); the server is still running",
                                     "server_error", "internal_error").body(), 500)
