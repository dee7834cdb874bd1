"""The benchmark runs end to end at a tiny size and its engines agree (no timing asserts)."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

BASELINE_MODULES = {"pint": "pint", "z3": "z3", "highs": "highspy"}
#: The issue's reference propagations: always run (numpy is a dependency of factcheck).
REFERENCES = {"python", "numpy"}


def _run(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], dict[str, object]]:
    out = tmp_path / "bench.json"
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), *args, "--json", str(out)],
                          capture_output=True, text=True, timeout=600, env=env, check=False)
    return proc, json.loads(out.read_text("utf-8"))


def test_benchmark_smoke_every_installed_engine_agrees(tmp_path: Path) -> None:
    proc, data = _run(tmp_path, "--sizes", "60,300", "--repeat", "1")
    assert proc.returncode == 0, proc.stderr
    results = data["results"]
    assert isinstance(results, list)
    installed = {e for e, m in BASELINE_MODULES.items() if importlib.util.find_spec(m)}
    for claims in {r["claims"] for r in results}:
        engines = {r["engine"] for r in results if r["claims"] == claims}
        assert engines == {"factcheck"} | installed | REFERENCES
    assert all(r["verdicts_agree"] is True and r["seconds"] > 0 for r in results)
    # the references' rows are built outside their timed propagation, and timed apart
    assert all((r["engine"] in REFERENCES) == ("build_seconds" in r) for r in results)
    assert all(r["build_seconds"] > 0 for r in results if r["engine"] in REFERENCES)
    assert {"claims", "engine", "seconds", "verdicts_agree"} <= set(results[0])
    for size in data["sizes"]:  # type: ignore[attr-defined]
        assert size["planted_found"] is True
        assert size["load_json_seconds"] > 0 and size["load_yaml_seconds"] > 0
        assert size["bytes_per_claim_held"] > 0
        assert size["floor_ratio"] > 0
    assert data["cold_start_seconds"] > 0
    assert "claims" in proc.stdout and "engine" in proc.stdout  # the table
    assert proc.stdout.count("factcheck / numpy floor =") == 2
    missing = set(BASELINE_MODULES) - installed
    for engine in missing:
        assert any(note.startswith(f"{engine}: skipped") for note in data["notes"])  # type: ignore[attr-defined]


def test_benchmark_engine_selection_and_bad_engine(tmp_path: Path) -> None:
    proc, data = _run(tmp_path, "--sizes", "40", "--engines", "factcheck,pint", "--no-extra", "--repeat", "1")
    assert proc.returncode == 0, proc.stderr
    assert {r["engine"] for r in data["results"]} == {"factcheck", "pint"}  # type: ignore[union-attr]
    bad = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--engines", "gurobi"],
                         capture_output=True, text=True, timeout=120, check=False)
    assert bad.returncode == 2 and "unknown engine" in bad.stderr


def test_phase_benchmark_accounts_for_the_whole_evaluation(tmp_path: Path) -> None:
    out = tmp_path / "phases.json"
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    # 2,000 claims make over 1,000 rules: the screened path, where every phase runs.
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "eval_phases.py"), "--claims", "2000",
                           "--repeat", "1", "--json", str(out)],
                          capture_output=True, text=True, timeout=600, env=env, check=False)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(out.read_text("utf-8"))
    phases = data["phases"]
    assert {"claims", "screen", "exact", "float", "findings", "rest"} <= set(phases)
    assert all(phases[p] > 0 for p in ("claims", "screen", "exact", "findings"))
    assert abs(sum(phases.values()) - data["timed_seconds"]) < 1e-6
    assert "planted conflicts" in proc.stdout


def test_many_documents_smoke_outputs_agree(tmp_path: Path) -> None:
    # Serial and parallel checks of a folder of articles write the same JSON (the script
    # exits 1 otherwise); every document is counted.
    out = tmp_path / "docs.json"
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "many_documents.py"), "--documents", "8",
                           "--jobs", "1,2", "--json", str(out)], capture_output=True, text=True, timeout=600,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(out.read_text("utf-8"))
    assert data["documents"] == 8 and data["bytes"] > 0
    assert [r["setting"] for r in data["results"]] == ["--jobs 1", "--jobs 2"]
    assert len({r["digest"] for r in data["results"]}) == 1 and all(r["wall_seconds"] > 0 for r in data["results"])


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="--base exports a git revision: needs a git checkout")
def test_ci_overhead_smoke_against_this_checkout(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "ci_overhead.py"), "--claims", "200",
                           "--base", "HEAD", "--rounds", "1"], capture_output=True, text=True, timeout=600,
                          check=False, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert "outputs identical" in proc.stdout and "format sarif" in proc.stdout


def test_read_floor_benchmark_times_the_objects_and_the_compile(tmp_path: Path) -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "read_floor.py"), "--claims", "2000",
                           "--repeat", "1"], capture_output=True, text=True, timeout=600, env=env, check=False)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert "claims" in lines[0] and "rules" in lines[0]
    for label in ("objects (each read once)", "_Run.__init__", "_Run.compile", "objects / (init + compile)"):
        assert any(line.strip().startswith(label) for line in lines), (label, proc.stdout)
