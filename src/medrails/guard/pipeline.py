"""Run a policy's stages in order; time each; fail closed on any error or timeout."""

from __future__ import annotations

import concurrent.futures
import logging
import time
from pathlib import Path

from medrails.guard.policy import Policy, StageSpec, load_policy
from medrails.guard.stage import Stage, build_stage
from medrails.guard.stages._common import CLASSIFIER_WANTED
from medrails.guard.types import Citation, GuardContext, GuardVerdict, StageResult
from medrails.threads import GUARD_BLAS_THREADS, limit_blas_threads

log = logging.getLogger(__name__)
FAIL_CLOSED = "fail_closed"
# input_validation rejected the message itself (too long, empty, unreadable): later stages would
# only burn time on it (PHI analysis of 1 MB of text), and the decision cannot change.
INPUT_REJECTED = frozenset({"input_too_long", "empty_input", "unreadable_input"})
_executor = concurrent.futures.ThreadPoolExecutor(max_workers=4, thread_name_prefix="medrails-guard")


class Guard:
    """The defense-in-depth pipeline for one policy."""

    def __init__(self, policy: Policy):
        limit_blas_threads(GUARD_BLAS_THREADS)  # idle BLAS workers spin on the core the encoder thread needs
        self.policy = policy
        self.input_stages = [self._build(s, f"input_stages[{i}]") for i, s in enumerate(policy.input_stages)]
        self.output_stages = [self._build(s, f"output_stages[{i}]") for i, s in enumerate(policy.output_stages)]
        self.policy_hash = policy.digest()
        self.classifier_wanted = any(getattr(stage, "use_classifier", False) for stage, _ in self.input_stages)

    @classmethod
    def from_policy(cls, name_or_path: str | Path | None = None) -> Guard:
        return cls(load_policy(name_or_path))

    def _build(self, spec: StageSpec, where: str) -> tuple[Stage, float]:
        stage = build_stage(spec.name, spec.options, where=f"{self.policy.name}: {where}")
        timeout = spec.timeout_ms or self.policy.stage_timeout_ms
        if hasattr(stage, "bind_policy"):
            stage.bind_policy(self.policy)
        return stage, timeout

    # -- running -----------------------------------------------------------------------------
    def _run_stage(self, stage: Stage, timeout_ms: float, ctx: GuardContext) -> StageResult:
        start = time.perf_counter()
        try:
            future = _executor.submit(stage.run, ctx)
            result = future.result(timeout=timeout_ms / 1000.0)
            if not isinstance(result, StageResult):
                raise TypeError(f"stage returned {type(result).__name__}, not StageResult")
        except concurrent.futures.TimeoutError:
            result = StageResult(name=stage.name, action="error", score=1.0, detail=f"timed out after {timeout_ms:.0f} ms")
        except Exception as exc:  # fail closed: any stage error blocks the request
            log.warning("guard stage %s failed: %s", stage.name, exc, exc_info=True)
            result = StageResult(name=stage.name, action="error", score=1.0, detail=f"{exc.__class__.__name__}: {exc}")
        result.ms = (time.perf_counter() - start) * 1000.0
        if result.action == "error":
            result.decision = "refuse"
            result.category = FAIL_CLOSED
        return result

    def _run(self, stages: list[tuple[Stage, float]], ctx: GuardContext) -> GuardContext:
        for stage, timeout in stages:
            result = self._run_stage(stage, timeout, ctx)
            ctx.stages.append(result)
            if result.action == "error":
                ctx.review_reasons.append(f"{stage.name} error: {result.detail}")
            if result.decision is not None and result.decision != "answer":
                if _outranks(result.decision, ctx.decision):
                    ctx.decision = result.decision
                    ctx.category = result.category
                if ctx.decision == "emergency":
                    break  # emergency wins over everything; later stages cannot change it
            if result.category in INPUT_REJECTED:
                break
        return ctx

    def check_input(self, text: str) -> GuardContext:
        ctx = GuardContext(original_text=text, text=text, policy_name=self.policy.name)
        if self.classifier_wanted:
            ctx.extra[CLASSIFIER_WANTED] = True
        return self._run(self.input_stages, ctx)

    def check_output(self, ctx: GuardContext, output: str, passages: list[Citation] | None = None) -> GuardContext:
        ctx.output = output
        ctx.passages = list(passages or [])
        self._run(self.output_stages, ctx)
        if ctx.decision == "answer" and ctx.confidence < self.policy.confidence_threshold:
            ctx.decision, ctx.category = "refuse", "low_confidence"
            ctx.review_reasons.append(f"confidence {ctx.confidence:.2f} below {self.policy.confidence_threshold}")
        return ctx

    # -- responses -----------------------------------------------------------------------------
    def blocked_response(self, ctx: GuardContext) -> str:
        """The safe text the user gets when a request is not answered by the model."""
        key = ctx.decision if not ctx.category else f"{ctx.decision}.{ctx.category}"
        if ctx.category in (FAIL_CLOSED, "low_confidence"):
            key = "fail_closed"
        return self.policy.response(key)

    def answer_preface(self, ctx: GuardContext) -> str:
        """Text that opens an answer before the model's words: the graded urgency (triage policy)."""
        triage = ctx.extra.get("triage")
        replaced_by_sources = ctx.decision == "refuse" and bool(ctx.extra.get("safe_response"))
        if not triage or not (ctx.decision == "answer" or replaced_by_sources):
            return ""
        text = self.policy.response(f"triage.{triage['urgency']}")
        if triage.get("reasons"):
            text += " Why: " + "; ".join(triage["reasons"]) + "."
        return text + "\n\n"

    def verdict(self, ctx: GuardContext, model_called: bool) -> GuardVerdict:
        """Assemble the final user-facing verdict (answer text with citations and disclaimer)."""
        disclaimer = self.policy.disclaimer
        if ctx.decision == "answer":
            answer = self.answer_preface(ctx) + ctx.output.strip()
            citations = ctx.passages
            if citations and self.policy.cite_sources:
                answer += "\n\nSources:\n" + "\n".join(
                    f"[{c.id}] {c.title} ({c.source}{', lines ' + c.lines if c.lines else ''})" for c in citations
                )
            answer += f"\n\n{disclaimer}"
        else:
            answer = self.answer_preface(ctx) + (ctx.extra.get("safe_response") or self.blocked_response(ctx))
            citations = ctx.passages if ctx.extra.get("safe_response") else []
            if ctx.decision != "emergency":
                answer += f"\n\n{disclaimer}"
        return GuardVerdict(
            decision=ctx.decision,
            category=ctx.category,
            answer=answer,
            citations=citations,
            disclaimer=disclaimer,
            stages=ctx.stages,
            redactions=ctx.redactions,
            redacted_input=ctx.text,
            confidence=ctx.confidence,
            review_reasons=ctx.review_reasons,
            model_called=model_called,
            triage=ctx.extra.get("triage"),
        )


_RANK = {"answer": 0, "out_of_scope": 1, "refuse": 2, "emergency": 3}


def _outranks(new: str, current: str) -> bool:
    return _RANK[new] > _RANK[current]
