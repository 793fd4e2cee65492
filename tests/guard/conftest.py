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
