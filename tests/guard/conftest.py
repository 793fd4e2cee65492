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
    decided = decide_input(model, model.predict(text), text)
    return (ctx.decision, ctx.category), (decided.decision, decided.category)


@pytest.fixture(scope="session")
def both_decisions():
    return _both_decisions
