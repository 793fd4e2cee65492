"""Guard fixtures: policies are built once per session (building loads MiniLM and Presidio)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def patient_guard():
    from medrails.guard import Guard

    return Guard.from_policy("patient-education")


@pytest.fixture(scope="session")
def triage_guard():
    from medrails.guard import Guard

    return Guard.from_policy("triage")


@pytest.fixture(scope="session")
def clinician_guard():
    from medrails.guard import Guard

    return Guard.from_policy("clinician-assist")


def _both_decisions(guard, text: str) -> tuple[tuple[str, str | None], tuple[str, str | None]]:
    """(pipeline decision, decide_input decision): users get the pipeline, `medrails guard train` scores
    decide_input; the two must agree."""
    from medrails.guard.classifiers import shared_classifier
    from medrails.guard.decide import decide_input

    ctx = guard.check_input(text)
    model = shared_classifier()
    from medrails.guard.rules_requests import prompt_format_inner

    decided = decide_input(model, model.predict(prompt_format_inner(text) or text), text)
    return (ctx.decision, ctx.category), (decided.decision, decided.category)


class _BothDecisions:
    """`both_decisions(guard, text)` gives both decisions; `.expect` asserts they agree on the wanted decision (and
    category), `.agreed` asserts they agree and returns the decision."""

    def __call__(self, guard, text: str):
        return _both_decisions(guard, text)

    def expect(self, guard, text: str, decision: str, category: str | None = None) -> None:
        pipeline, decided = _both_decisions(guard, text)
        assert pipeline[0] == decided[0] == decision, (text, pipeline, decided)
        if category:
            assert decided[1] == category, (text, decided)

    def agreed(self, guard, text: str) -> str:
        pipeline, decided = _both_decisions(guard, text)
        assert pipeline[0] == decided[0], (text, pipeline, decided)
        return decided[0]


@pytest.fixture(scope="session")
def both_decisions():
    return _BothDecisions()
