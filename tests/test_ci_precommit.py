"""The pre-commit hook, run by pre-commit itself against a real temporary git repository.

pre-commit clones the hook repository from a local path and installs it into a fresh
virtualenv with pip.  No network is used: the virtualenv sees the packages of the
interpreter running the tests (VIRTUALENV_SYSTEM_SITE_PACKAGES, or PYTHONPATH when the
tests themselves run in a virtualenv), pip may not look at an index (PIP_NO_INDEX) and
builds without isolation, so setuptools comes from the test environment too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False,
                          timeout=300)


def test_hook_definition_matches_the_documented_contract():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hook["id"] == "factcheck" and hook["entry"] == "factcheck check"
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    import re

    files = re.compile(hook["files"])
    for path in ("claims/a.yaml", "rules/sub/b.yml", "claims/c.json"):
        assert files.search(path), path
    for path in ("README.md", "examples/qom-police.fa.txt", "src/claims/a.yaml"):
        assert not files.search(path), path


@pytest.fixture
def hook_repo(tmp_path: Path) -> tuple[Path, str]:
    """A git repository holding this checkout's package and hook definition, committed."""
    pytest.importorskip("pre_commit", reason="pre-commit is installed by the [test] extra")
    repo = tmp_path / "hook"
    repo.mkdir()
    shutil.copytree(ROOT / "factcheck", repo / "factcheck", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy(ROOT / name, repo / name)
    assert git(repo, "init", "-q").returncode == 0
    git(repo, "add", "-A")
    assert git(repo, "commit", "-qm", "hook").returncode == 0
    return repo, git(repo, "rev-parse", "HEAD").stdout.strip()


def test_pre_commit_runs_the_hook_and_blocks_a_bad_commit(tmp_path, hook_repo):
    repo, rev = hook_repo
    proj = tmp_path / "proj"
    proj.mkdir()
    git(proj, "init", "-q")
    for d in ("claims", "rules", "examples"):
        shutil.copytree(ROOT / d, proj / d)
    (proj / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo}\n    rev: {rev}\n    hooks:\n      - id: factcheck\n", encoding="utf-8")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "VIRTUALENV_SYSTEM_SITE_PACKAGES": "1",
           "PIP_NO_INDEX": "1", "PIP_NO_BUILD_ISOLATION": "0", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    env.pop("PYTHONPATH", None)  # the hook must run the package pre-commit installed, not this checkout
    if sys.prefix != sys.base_prefix:
        # Running in a virtualenv: "system site packages" would be the base interpreter's,
        # which may lack the dependencies; show pip this environment's instead.
        env.pop("VIRTUALENV_SYSTEM_SITE_PACKAGES")
        site = sysconfig.get_paths()
        env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys([site["purelib"], site["platlib"]]))

    def pre_commit(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=proj, env=env,
                              capture_output=True, text=True, check=False, timeout=600)

    assert pre_commit("install").returncode == 0
    # The example's services total cannot hold: the hook fails and the commit is refused.
    commit_env = {**env, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                  "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}

    def commit_all() -> subprocess.CompletedProcess[str]:
        git(proj, "add", "-A")
        return subprocess.run(["git", "commit", "-qm", "claims"], cwd=proj, capture_output=True, text=True,
                              env=commit_env, check=False, timeout=600)

    commit = commit_all()
    out = commit.stdout + commit.stderr
    assert commit.returncode != 0, out
    assert "factcheck" in out and "Failed" in out and "FC111 rate.total-below-rate" in out
    assert git(proj, "rev-parse", "--verify", "HEAD").returncode != 0  # nothing was committed
    # It ran the copy pre-commit installed into its own environment.
    installed = list((tmp_path / "cache").glob("repo*/py_env-*/lib/python*/site-packages/factcheck/__init__.py"))
    assert installed, "pre-commit did not install factcheck into its environment"

    # Record the known finding with a reason: the hook passes and the commit goes through.
    rules = proj / "rules" / "qom-police.yaml"
    rules.write_text(rules.read_text("utf-8").replace(
        "    kind: rate\n    total: services_six_months\n",
        "    kind: rate\n    total: services_six_months\n"
        "    ignore: [{code: FC111, reason: the units may serve the same people twice}]\n"), encoding="utf-8")
    commit = commit_all()
    assert commit.returncode == 0, commit.stdout + commit.stderr
    assert "Passed" in commit.stdout + commit.stderr
    assert git(proj, "rev-parse", "--verify", "HEAD").returncode == 0
    # A change outside claims/ and rules/ does not run the hook.
    (proj / "README.md").write_text("notes\n", encoding="utf-8")
    git(proj, "add", "README.md")
    run = pre_commit("run")
    assert run.returncode == 0 and "(no files to check)Skipped" in run.stdout
