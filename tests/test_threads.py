"""Process-wide thread settings: a guard caps numpy's BLAS threads (idle OpenBLAS workers spinning beside the
guard's background encoder cost the input guard ~6 ms of its 18 ms p50 on 2 cores)."""

import json
import subprocess
import sys

import pytest

PROBE = """
import json, sys
from threadpoolctl import threadpool_info
import numpy
before = [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]
from medrails.guard import Guard
Guard.from_policy("seed-baseline")
after = [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]
print(json.dumps({"before": before, "after": after}))
"""


def _blas_threads(env_value: str | None) -> dict:
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("MEDRAILS_BLAS_THREADS", "OPENBLAS_NUM_THREADS",
                                                              "OMP_NUM_THREADS")}
    env["OPENBLAS_NUM_THREADS"] = "2"  # what numpy starts with on a 2-core machine, whatever this one has
    if env_value is not None:
        env["MEDRAILS_BLAS_THREADS"] = env_value
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_a_guard_runs_numpy_blas_on_one_thread():
    seen = _blas_threads(None)
    if not seen["before"]:
        pytest.fail("numpy reports no BLAS library to threadpoolctl; the guard's cap cannot be checked")
    assert seen["before"] == [2] * len(seen["before"])
    assert seen["after"] == [1] * len(seen["after"])


def test_a_bad_blas_thread_setting_says_what_to_write():
    import os

    env = dict(os.environ, MEDRAILS_BLAS_THREADS="one")
    out = subprocess.run([sys.executable, "-c", "import medrails.threads"], capture_output=True, text=True, env=env,
                         timeout=60)
    assert out.returncode != 0
    assert "MEDRAILS_BLAS_THREADS" in out.stderr and "whole number" in out.stderr


def test_the_blas_cap_can_be_turned_off():
    seen = _blas_threads("0")
    if not seen["before"]:
        pytest.fail("numpy reports no BLAS library to threadpoolctl; the cap's off switch cannot be checked")
    assert seen["after"] == seen["before"] == [2] * len(seen["before"])
