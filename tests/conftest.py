"""Shared fixtures: running the real command line in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def run_cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run ``python -m factcheck ARGS`` from this checkout; returns the completed process."""

    def run(*args: str, cwd: Path | str | None = None, input: str | None = None,
            timeout: float = 120, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        full_env = dict(os.environ)
        full_env["PYTHONPATH"] = str(ROOT) + os.pathsep + full_env.get("PYTHONPATH", "")
        full_env.pop("FACTCHECK_DEBUG", None)
        if env:
            full_env.update(env)
        return subprocess.run(
            [sys.executable, "-m", "factcheck", *args], cwd=cwd or ROOT, input=input,
            capture_output=True, text=True, timeout=timeout, env=full_env, check=False,
        )

    return run


if os.environ.get("CI"):
    # Property tests in CI run derandomised with no deadline (docs/testing.md).
    from hypothesis import settings

    import factcheck.strategies  # noqa: F401  (registers the profile)

    settings.load_profile("factcheck-ci")
