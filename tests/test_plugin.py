"""The pytest plugin, run as users run it: pytest in a subprocess on a temporary project.

The first tests install this checkout into a new virtual environment (``--system-site-packages``
for the dependencies, ``pip install --no-deps`` of a copy of the checkout, no network) and run
``pytest --factcheck`` there, so the ``pytest11`` entry point itself is what loads the plugin.
The others run the checkout directly, naming the plugin with ``-p`` where the entry point is
not installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from importlib import metadata
from pathlib import Path

import pytest
from conftest import ROOT

GOOD = """\
claims:
  - {id: total, value: 89, unit: offence}
  - {id: burglaries, value: 28, unit: offence}
  - {id: robberies, value: 61, unit: offence}
rules:
  - {id: offences_add_up, kind: sum, whole: total, parts: [burglaries, robberies]}
"""
BAD = """\
claims:
  - {id: calls, value: 41549, unit: call}
  - {id: questions, value: 26908, unit: call}
  - {id: missions, value: 17000, unit: call}
rules:
  - {id: calls_add_up, kind: sum, whole: calls, parts: [questions, missions]}
"""


def project(root: Path, files: dict[str, str]) -> Path:
    """A user's project: the given files plus an empty pytest.ini (so it is the rootdir)."""
    root.mkdir(parents=True, exist_ok=True)
    files = {"pytest.ini": "[pytest]\n", **files}
    for name, text in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def run(python: str | Path, cwd: Path, *args: str, checkout: bool = False) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "HYPOTHESIS"))}
    env.pop("PYTHONPATH", None)
    if checkout:
        env["PYTHONPATH"] = str(ROOT)
    return subprocess.run([str(python), "-m", "pytest", "-p", "no:cacheprovider", *args], cwd=cwd,
                          capture_output=True, text=True, env=env, timeout=300, check=False)


@pytest.fixture(scope="module")
def venv_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Python of a new virtual environment with this checkout installed as a user would."""
    pytest.importorskip("wheel", reason="building the checkout without network needs the 'wheel' package "
                                          "(in the [test] extra)")
    base = tmp_path_factory.mktemp("fresh")
    src = base / "src"  # a copy: building writes build/ and *.egg-info next to the sources
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(ROOT / "factcheck", src / "factcheck",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True,
                   capture_output=True, timeout=300)
    python = venv / "bin" / "python"
    proc = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                           "--no-index", str(src)], capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr
    where = subprocess.run([str(python), "-c", "import factcheck; print(factcheck.__file__)"], cwd=base,
                           capture_output=True, text=True, check=True, env={"PATH": os.environ.get("PATH", "")})
    assert str(venv) in where.stdout, f"factcheck not imported from the new install: {where.stdout}"
    return python


def test_fresh_install_fails_the_rule_that_cannot_hold_with_its_arithmetic(venv_python: Path,
                                                                           tmp_path: Path) -> None:
    root = project(tmp_path / "newsroom", {"claims/good.yaml": GOOD, "claims/bad.yaml": BAD})
    proc = run(venv_python, root, "--factcheck", "-rA")
    out = proc.stdout
    assert proc.returncode == 1, out + proc.stderr
    assert "1 failed, 1 passed" in out
    assert "PASSED claims/good.yaml::offences_add_up" in out
    assert "FAILED claims/bad.yaml::calls_add_up" in out
    # The failure message is the finding: figures, code and arithmetic, not a traceback.
    assert "26,908 call + 17,000 call ≥ 43,407.5 call > 41,549.5 (41,549 call)" in out
    assert "FC101 sum.parts-exceed-total" in out
    assert "Traceback" not in out


def test_fresh_install_passes_a_project_that_adds_up(venv_python: Path, tmp_path: Path) -> None:
    root = project(tmp_path / "newsroom", {"claims/good.yaml": GOOD})
    proc = run(venv_python, root, "--factcheck")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "1 passed" in proc.stdout


def test_fresh_install_fixture_strategies_and_ci_profile(venv_python: Path, tmp_path: Path) -> None:
    root = project(tmp_path / "pipeline", {
        "claims/good.yaml": GOOD,
        "fixtures/bad.yaml": BAD,
        "tests/test_figures.py": """\
            from pathlib import Path
            from hypothesis import given
            from factcheck.strategies import consistent_documents, inconsistent_documents
            from factcheck.testing import assert_finds

            def test_claim_files_add_up(factcheck_check):
                report = factcheck_check("claims")
                assert len(report.findings) == 1

            def test_fixture_reads_claim_file_text(factcheck_check):
                text = Path(__file__).parent.parent.joinpath("fixtures", "bad.yaml").read_text()
                report = factcheck_check(text, consistent=False)
                assert [f.code for f in report.inconsistent()] == ["FC101"]

            @given(consistent_documents(lang="fa", kinds=["sum", "rate"]))
            def test_generated_worlds_add_up(factcheck_check, doc):
                factcheck_check(doc)

            def test_the_ci_profile_is_loaded():
                from hypothesis import settings
                assert settings.default.derandomize is True
                assert settings.default.deadline is None

            @given(inconsistent_documents(errors=["wrong_total"]))
            def test_planted_totals_are_caught(doc):
                assert_finds(doc, rule=doc.expected.rule)
            """,
    })
    proc = run(venv_python, root, "tests", "--hypothesis-profile=factcheck-ci", "-p", "no:randomly")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "5 passed" in proc.stdout


# -- the checkout, run directly -------------------------------------------------------------

def _plugin_args() -> list[str]:
    installed = any(ep.value == "factcheck.pytest_plugin" for ep in metadata.entry_points(group="pytest11"))
    return [] if installed else ["-p", "factcheck.pytest_plugin"]


def checkout(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run(sys.executable, cwd, *_plugin_args(), *args, checkout=True)


def test_importing_the_plugin_loads_nothing_heavy() -> None:
    code = ("import sys, factcheck.pytest_plugin; "
            "heavy = [m for m in ('hypothesis', 'pint', 'pydantic', 'networkx', 'yaml', 'factcheck.evaluate') "
            "if m in sys.modules]; print(heavy)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout.strip() == "[]"


def test_without_the_flag_nothing_is_collected(tmp_path: Path) -> None:
    root = project(tmp_path, {"claims/bad.yaml": BAD})
    proc = checkout(root)
    assert proc.returncode == 5, proc.stdout  # pytest: no tests collected


def test_rules_in_their_own_folder_are_checked_with_the_claims(tmp_path: Path) -> None:
    claims, rules = BAD.split("rules:\n")
    root = project(tmp_path, {"claims/calls.yaml": claims, "rules/calls.yaml": "rules:\n" + rules})
    proc = checkout(root, "--factcheck", "-rA")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "FAILED rules/calls.yaml::calls_add_up" in proc.stdout


def test_ini_globs_choose_the_files(tmp_path: Path) -> None:
    root = project(tmp_path, {
        "pytest.ini": "[pytest]\nfactcheck_claims =\n    data/**/*.yml\n",
        "data/2024/calls.yml": GOOD,
        "claims/bad.yaml": BAD,  # not matched by the configured glob
    })
    proc = checkout(root, "--factcheck", "-rA")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "PASSED data/2024/calls.yml::offences_add_up" in proc.stdout
    assert "bad.yaml" not in proc.stdout


def test_an_unreadable_file_fails_one_item_with_a_one_line_error(tmp_path: Path) -> None:
    root = project(tmp_path, {"claims/broken.yaml": "claims:\n  - {id: a, value: twelve, unit: call}\n"})
    proc = checkout(root, "--factcheck")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "claims/broken.yaml::load" in proc.stdout
    assert "claims/broken.yaml:2:" in proc.stdout and "not a number" in proc.stdout
    assert "Traceback" not in proc.stdout


def test_a_conflict_seen_only_through_a_chain_fails_its_own_item(tmp_path: Path) -> None:
    root = project(tmp_path, {"claims/chain.yaml": """\
        claims:
          - {id: a, value: 10, unit: case, precision: 1}
          - {id: b, unit: case}
          - {id: c, value: 4, unit: case, precision: 1}
          - {id: d, value: 5, unit: case, precision: 1}
        rules:
          - {id: r1, kind: sum, whole: a, parts: [b, c]}
          - {id: r2, kind: sum, whole: b, parts: [{claim: d, times: 2}]}
        """})
    proc = checkout(root, "--factcheck", "-rA")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "FAILED claims/chain.yaml::chain:r1+r2" in proc.stdout
    assert "FC001" in proc.stdout


def test_articles_are_items_too(tmp_path: Path) -> None:
    root = project(tmp_path, {"articles/report.txt": "Police answered 41,549 calls yesterday.\n"})
    proc = checkout(root, "--factcheck", "-rA")
    try:
        import factcheck.articles  # type: ignore[import-not-found, unused-ignore]  # noqa: F401
    except ImportError:
        # Without the extraction stage the article cannot be read: one failing item says so.
        assert proc.returncode == 1, proc.stdout
        assert "articles/report.txt::load" in proc.stdout and "extraction stage" in proc.stdout
    else:
        assert proc.returncode in (0, 5), proc.stdout + proc.stderr  # one figure, nothing to relate


def test_an_undetermined_rule_is_skipped_with_its_reason(tmp_path: Path) -> None:
    root = project(tmp_path, {"claims/open.yaml": """\
        claims:
          - {id: total, unit: call}
          - {id: a, value: 28, unit: call}
        rules:
          - {id: total_unstated, kind: sum, whole: total, parts: [a]}
        """})
    proc = checkout(root, "--factcheck", "-rA")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "SKIPPED" in proc.stdout and "total_unstated: undetermined" in proc.stdout


def test_the_doctests_of_the_public_testing_modules_pass() -> None:
    # The docstring examples are what users copy; run them as they are written.
    import doctest

    from hypothesis import settings

    import factcheck._wording
    import factcheck.strategies
    import factcheck.testing

    # The examples' @given tests take the default settings: without a deadline, as in CI,
    # so that a loaded machine cannot fail them on timing.
    previous = settings.get_current_profile_name()
    settings.load_profile("factcheck-ci")
    try:
        for module in (factcheck._wording, factcheck.testing, factcheck.strategies):
            result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
            assert result.failed == 0 and result.attempted > 0, module.__name__
    finally:
        settings.load_profile(previous)
