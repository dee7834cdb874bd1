"""The codebase keeps its own architecture: data flows one way through the stages.

A module may import from its own stage or earlier ones, never later ones (STYLE.md:
"a module imports only from earlier stages").  Modules are placed by their top-level name
inside the package; anything not listed is a front end (the last stage).
"""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "factcheck"

# Stage of each top-level module or subpackage; imports may only go to equal or lower.
STAGES: dict[str, int] = {
    # shared vocabulary: numbers, units, the claim model and its meaning
    "errors": 0, "numbers": 0, "units": 0, "unitcache": 0, "periods": 0, "model": 0, "semantics": 0,
    "_wording": 0, "gcpause": 0, "persian": 0, "jsontext": 0,
    # text -> claims
    "extract": 1,
    # rule kinds and their finding codes
    "kinds": 2, "codes": 2, "rulesdoc": 2,
    # claims and rules in files; rules inferred from text; the graph
    "files": 3, "claimtable": 3, "yamlfast": 3, "infer": 3, "graph": 3,
    # evaluation
    "propagate": 4, "flat": 4, "flatcols": 4, "colbuild": 4, "screen": 4, "claimcols": 4, "findings": 4, "evaluate": 4,
    "findinglist": 4,
    "builders": 4, "conflicts": 4, "verdict": 4,
    # findings -> reporters
    "report": 5, "suppress": 5, "baseline": 5, "config": 5, "reporters": 6,
}
FRONT = 9  # pipeline, articles, batch, cli, web, strategies, testing, pytest plugin, ...


def _stage(module: str) -> int:
    top = module.split(".")[0]
    return STAGES.get(top, FRONT)


def _imports(path: Path, mod: str) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text("utf-8"))
    pkg_parts = mod.split(".")[:-1] if path.name != "__init__.py" else mod.split(".")
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = pkg_parts[: len(pkg_parts) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
                names = [target] if node.module else [f"{target}.{a.name}".strip(".") for a in node.names]
            elif node.module and node.module.startswith("factcheck."):
                names = [node.module[len("factcheck."):]]
            else:
                continue
            out.extend((node.lineno, n) for n in names if n)
        elif isinstance(node, ast.Import):
            out.extend((node.lineno, a.name[len("factcheck."):]) for a in node.names
                       if a.name.startswith("factcheck."))
    return out


def test_imports_flow_one_way() -> None:
    bad = []
    for path in sorted(PKG.rglob("*.py")):
        rel = path.relative_to(PKG).with_suffix("")
        mod = ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)
        if not mod:  # factcheck/__init__.py: the public API, a front end
            continue
        me = _stage(mod)
        for line, target in _imports(path, mod):
            if _stage(target) > me:
                bad.append(f"factcheck/{rel}.py:{line}: stage {me} module imports {target} (stage {_stage(target)})")
    assert not bad, "\n".join(bad)


def test_every_module_opens_with_a_docstring() -> None:
    missing = [str(p.relative_to(PKG)) for p in sorted(PKG.rglob("*.py"))
               if p.stat().st_size and ast.get_docstring(ast.parse(p.read_text("utf-8"))) is None]
    assert not missing, missing
