"""The guarded answer flow shared by `medrails ask` and the server:

GUARD(input) -> retrieve -> model -> GUARD(output) -> answer with citations and disclaimer -> audit.
A blocked request never reaches the model; any failure after the input guard fails closed.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from medrails.errors import BackendError
from medrails.guard.pipeline import FAIL_CLOSED, Guard
from medrails.guard.types import Citation, GuardContext, GuardVerdict
from medrails.models.base import ChatModel, GenerationParams, Message

log = logging.getLogger(__name__)


class Retriever(Protocol):
    """Anything that finds supporting passages for a question (the knowledge base)."""

    def retrieve(self, query: str, k: int) -> list[Citation]: ...


class AuditSink(Protocol):
    """Where one record per request goes; returns the record id."""

    def append(self, record: dict[str, Any]) -> str: ...


@dataclass
class StreamEvent:
    """One piece of a guarded stream: released text, or the final verdict."""

    text: str = ""
    verdict: GuardVerdict | None = None


@dataclass
class Assistant:
    model: ChatModel
    guard: Guard
    retriever: Retriever | None = None
    audit: AuditSink | None = None
    params: GenerationParams = field(default_factory=GenerationParams)
    retrieval_k: int = 3

    # -- prompt ---------------------------------------------------------------------------------
    def messages(self, question: str, passages: list[Citation], history: list[Message] | None = None,
                 triage: dict | None = None) -> list[Message]:
        system = self.guard.policy.system_prompt
        if triage:
            system += f"\n\nUrgency: {triage['urgency']}; reasons: {'; '.join(triage.get('reasons', []))}"
        if passages:
            sources = "\n\n".join(f"[{p.id}] {p.title}\n{p.text}" for p in passages)
            system += f"\n\nSources:\n{sources}"
        return [{"role": "system", "content": system}, *(history or []), {"role": "user", "content": question}]

    def _retrieve(self, ctx: GuardContext) -> list[Citation]:
        if self.retriever is None:
            return []
        try:
            return self.retriever.retrieve(ctx.text, self.retrieval_k)
        except Exception as exc:  # retrieval is an enhancement: answer without it, but say so
            log.warning("retrieval failed: %s", exc)
            ctx.review_reasons.append(f"retrieval failed: {exc}")
            return []

    def _redacted_history(self, history: list[Message] | None) -> list[Message]:
        """Earlier user turns get the same PHI redaction as the question (they reach the model too)."""
        if not history:
            return []
        phi_stages = [stage for stage, _ in self.guard.input_stages if stage.name == "phi_redaction"]
        cleaned = []
        for message in history:
            content = message.get("content", "")
            if message.get("role") == "user" and phi_stages and content:
                turn = GuardContext(original_text=content, text=content, policy_name=self.guard.policy.name)
                for stage in phi_stages:
                    stage.run(turn)  # an error propagates: the caller fails closed
                content = turn.text
            cleaned.append({"role": message.get("role", "user"), "content": content})
        return cleaned

    # -- one-shot ---------------------------------------------------------------------------------
    def ask(self, question: str, history: list[Message] | None = None,
            cancel: threading.Event | None = None) -> GuardVerdict:
        """The guarded answer in one piece. With `cancel` (kill switch, client gone) a model that
        generates in this process is read token by token and stops as soon as it is set; the
        request still ends with the fail-closed verdict, so it is audited. (An upstream model's
        call is one blocking request, bounded by its read timeout.)"""
        started = time.perf_counter()
        ctx = self.guard.check_input(question)
        if ctx.blocked:
            return self._finish(ctx, model_called=False, started=started)
        passages = self._retrieve(ctx)
        try:
            history = self._redacted_history(history)
        except Exception as exc:
            return self._fail_closed(ctx, f"history redaction failed: {exc}", started)
        messages = self.messages(ctx.text, passages, history, ctx.extra.get("triage"))
        try:
            output = self._generate(messages, cancel)
        except BackendError as exc:
            return self._fail_closed(ctx, f"model error: {exc}", started)
        if output is None:
            return self._fail_closed(ctx, "cancelled: generation stopped before the answer was complete", started)
        self.guard.check_output(ctx, drop_unfinished_sentence(output), passages)
        return self._finish(ctx, model_called=True, started=started)

    def _generate(self, messages: list[Message], cancel: threading.Event | None) -> str | None:
        """The model's whole output, or None when `cancel` was set before it finished."""
        if cancel is None or not getattr(self.model, "generates_locally", False):
            return self.model.generate(messages, self.params)
        if cancel.is_set():
            return None
        pieces = self.model.stream(messages, self.params)
        parts: list[str] = []
        try:
            for piece in pieces:
                if cancel.is_set():
                    return None
                parts.append(piece)
        finally:
            close = getattr(pieces, "close", None)
            if close is not None:
                close()  # ends a local model's generate thread
        return None if cancel.is_set() else "".join(parts)

    # -- streaming --------------------------------------------------------------------------------
    def stream(
        self, question: str, history: list[Message] | None = None, cancel: threading.Event | None = None
    ) -> Iterator[StreamEvent]:
        """Release text sentence by sentence, each only after the output stages pass on all text so far.

        Setting `cancel` (kill switch, client gone) stops generation at once; the request still ends
        with the fail-closed verdict, so it is audited."""
        started = time.perf_counter()
        ctx = self.guard.check_input(question)
        if ctx.blocked:
            verdict = self._finish(ctx, model_called=False, started=started)
            yield StreamEvent(text=verdict.answer, verdict=verdict)
            return
        passages = self._retrieve(ctx)
        try:
            history = self._redacted_history(history)
        except Exception as exc:
            verdict = self._fail_closed(ctx, f"history redaction failed: {exc}", started)
            yield StreamEvent(text=verdict.answer, verdict=verdict)
            return
        released = pending = emitted = ""
        withheld = False
        preface = self.guard.answer_preface(ctx)
        if preface:
            yield StreamEvent(text=preface)
            emitted = preface
        pieces = self.model.stream(self.messages(ctx.text, passages, history, ctx.extra.get("triage")), self.params)
        try:
            for piece in pieces:
                if cancel is not None and cancel.is_set():
                    verdict = self._fail_closed(ctx, "cancelled: generation stopped before the answer was complete", started)
                    yield StreamEvent(text=("\n\n" if emitted else "") + verdict.answer, verdict=verdict)
                    return
                if not released and not pending:
                    piece = piece.lstrip()
                pending += piece
                ready, pending = _split_complete_sentences(pending)
                if ready:
                    probe = self.guard.check_output(_probe_ctx(ctx), released + ready, passages)
                    if probe.decision != "answer":
                        ctx.stages, ctx.decision, ctx.category = probe.stages, probe.decision, probe.category
                        ctx.review_reasons, ctx.extra, ctx.confidence = probe.review_reasons, probe.extra, probe.confidence
                        ctx.output = released + ready
                        yield from self._stream_stop(ctx, started, preface)
                        return
                    released += ready
                    # Release the output stages' version of the text (output_phi may have redacted a
                    # name), never the raw model text; trailing whitespace waits for the next
                    # sentence so the stream never ends in a stray space before the disclaimer.
                    safe_so_far = preface + probe.output.rstrip()
                    if withheld or not safe_so_far.startswith(emitted):
                        withheld = True  # a stage rewrote text already shown: the final verdict follows
                        continue
                    yield StreamEvent(text=safe_so_far[len(emitted):])
                    emitted = safe_so_far
        except BackendError as exc:
            verdict = self._fail_closed(ctx, f"model error: {exc}", started)
            yield StreamEvent(text=("\n\n" if emitted else "") + verdict.answer, verdict=verdict)
            return
        finally:
            # stop generating as soon as we stop reading (blocked, cancelled, consumer gone):
            # a local model's generate thread ends with its generator
            close = getattr(pieces, "close", None)
            if close is not None:
                close()
        self.guard.check_output(ctx, drop_unfinished_sentence(released + pending), passages)
        verdict = self._finish(ctx, model_called=True, started=started)
        if ctx.decision == "answer" and verdict.answer.startswith(emitted):
            yield StreamEvent(text=verdict.answer[len(emitted):], verdict=verdict)
        elif ctx.decision == "answer":
            yield StreamEvent(text="\n\n" + _without_preface(verdict.answer, preface), verdict=verdict)
        else:
            yield StreamEvent(text=("\n\n" if emitted.strip() else "") + _without_preface(verdict.answer, preface),
                              verdict=verdict)

    def _stream_stop(self, ctx: GuardContext, started: float, preface: str = "") -> Iterator[StreamEvent]:
        verdict = self._finish(ctx, model_called=True, started=started)
        yield StreamEvent(text="\n\n" + _without_preface(verdict.answer, preface), verdict=verdict)

    # -- endings ----------------------------------------------------------------------------------
    def _fail_closed(self, ctx: GuardContext, reason: str, started: float) -> GuardVerdict:
        ctx.decision, ctx.category = "refuse", FAIL_CLOSED
        ctx.review_reasons.append(reason)
        return self._finish(ctx, model_called=True, started=started)

    def _finish(self, ctx: GuardContext, model_called: bool, started: float) -> GuardVerdict:
        verdict = self.guard.verdict(ctx, model_called=model_called)
        if self.audit is not None:
            record = {
                "policy": self.guard.policy.name,
                "policy_hash": self.guard.policy_hash,
                "model": getattr(self.model, "name", "unknown"),
                "input_redacted": verdict.redacted_input,
                "decision": verdict.decision,
                "category": verdict.category,
                "stages": [s.model_dump() for s in verdict.stages],
                "output": verdict.answer,
                "raw_output": ctx.output,
                "citations": [c.model_dump() for c in verdict.citations],
                "review_reasons": verdict.review_reasons,
                "confidence": verdict.confidence,
                "model_called": model_called,
                "ms": (time.perf_counter() - started) * 1000.0,
            }
            verdict.audit_id = self.audit.append(record)
        return verdict


_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+|\n+")


def _without_preface(answer: str, preface: str) -> str:
    """The streamed preface (triage urgency) is already on screen: don't repeat it."""
    return answer[len(preface):] if preface and answer.startswith(preface) else answer


def drop_unfinished_sentence(text: str) -> str:
    """Cut a trailing fragment left by the token limit ("...which can help to reduce the"),
    including a list introduction whose items never came ("...types, including:")."""
    stripped = text.rstrip()
    while stripped and stripped[-1] not in ".!?)]\"'*":
        cut = max(stripped.rfind(". "), stripped.rfind("! "), stripped.rfind("? "), stripped.rfind("\n"))
        if cut <= 0:
            break  # a single unfinished sentence is still better than nothing
        stripped = stripped[: cut + 1].rstrip()
    return stripped


def _split_complete_sentences(text: str) -> tuple[str, str]:
    """(complete sentences, remainder) — the remainder may still grow."""
    last = None
    for match in _SENTENCE_END.finditer(text):
        last = match
    if last is None:
        return "", text
    return text[: last.end()], text[last.end() :]


def _probe_ctx(ctx: GuardContext) -> GuardContext:
    """A throwaway copy for checking partial output without touching the real record."""
    return GuardContext(
        original_text=ctx.original_text,
        text=ctx.text,
        policy_name=ctx.policy_name,
        redactions=list(ctx.redactions),
        stages=list(ctx.stages),
        decision=ctx.decision,
        category=ctx.category,
        review_reasons=list(ctx.review_reasons),
        extra=dict(ctx.extra),
    )


def build_assistant(settings) -> Assistant:
    """Wire model, guard, knowledge base and audit store from AskSettings."""
    from medrails.models.loader import load_chat_model

    guard = Guard.from_policy(settings.policy)
    model = load_chat_model(settings.model, settings.adapter)
    retriever = None
    if settings.kb and settings.retrieval_k > 0:
        from medrails.rag import open_retriever

        retriever = open_retriever(settings.kb)
    audit = None
    if settings.audit:
        from medrails.audit import open_audit_store

        audit = open_audit_store()
    params = GenerationParams(
        max_new_tokens=settings.max_new_tokens,
        temperature=settings.temperature,
        top_p=settings.top_p,
        seed=settings.seed,
    )
    return Assistant(model=model, guard=guard, retriever=retriever, audit=audit, params=params,
                     retrieval_k=settings.retrieval_k)
