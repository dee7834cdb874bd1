"""The unit cache: a warm start needs no pint registry, and gives pint's own answers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

UNITS = ["person / day", "call / hour", "month", "percent", "vehicle", "case / year", "third"]
PROBE = """
import sys, json
from factcheck.units import canonical
out = {u: [str(canonical(u).lo), str(canonical(u).hi), canonical(u).dims, canonical(u).base]
       for u in sys.argv[1:]}
print(json.dumps({"units": out, "pint_imported": "pint" in sys.modules}))
"""


def _probe(cache: Path | None, *units: str) -> dict[str, object]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("FACTCHECK_NO_CACHE", None)
    if cache is None:
        env["FACTCHECK_NO_CACHE"] = "1"
    else:
        env["FACTCHECK_CACHE_DIR"] = str(cache)
    proc = subprocess.run([sys.executable, "-c", PROBE, *units], capture_output=True, text=True,
                          env=env, timeout=120, check=True)
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


def test_warm_start_skips_pint_and_agrees_with_it(tmp_path: Path) -> None:
    cold = _probe(tmp_path, *UNITS)
    assert cold["pint_imported"] is True
    assert (tmp_path / "units.json").exists()
    warm = _probe(tmp_path, *UNITS)
    assert warm["pint_imported"] is False
    uncached = _probe(None, *UNITS)
    assert warm["units"] == cold["units"] == uncached["units"]


def test_stale_or_corrupt_cache_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "units.json").write_text(json.dumps(
        {"key": "0:old", "units": {"person / day": ["1", "1", [], "wrong"]}}), "utf-8")
    stale = _probe(tmp_path, "person / day")
    assert stale["units"]["person / day"][0] == "1/86400"  # type: ignore[index]
    (tmp_path / "units.json").write_text("{not json", "utf-8")
    assert _probe(tmp_path, "person / day")["units"] == stale["units"]


def test_unknown_unit_error_is_not_cached(tmp_path: Path) -> None:
    env = dict(os.environ, FACTCHECK_CACHE_DIR=str(tmp_path))
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    code = "from factcheck.units import canonical\ntry:\n    canonical('flurb')\nexcept ValueError as e:\n    print(e)"
    for _ in range(2):
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                              timeout=120, check=True)
        assert "unknown unit (got 'flurb')" in proc.stdout
