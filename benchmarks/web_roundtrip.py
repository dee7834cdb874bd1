"""What a correction costs in `factcheck serve`, against evaluating the same claims directly.

    python benchmarks/web_roundtrip.py [--repeat 30]

The page sends its whole state on every correction; the server writes it as claim-file
YAML, reads it back with the same code as ``factcheck check``, evaluates it, and draws the
graph.  Measured on the bundled Qom example (18 claims, 7 rules), in-process through
Starlette's TestClient (no network): the median wall time of ``POST /api/evaluate``, and of
``evaluate()`` on the already-loaded claim set as the baseline.  No number is asserted.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from factcheck.evaluate import evaluate  # noqa: E402
from factcheck.files import load_paths  # noqa: E402
from factcheck.web.app import create_app  # noqa: E402


def _state() -> dict[str, Any]:
    claims = yaml.safe_load((ROOT / "claims" / "qom-police.yaml").read_text("utf-8"))
    rules = yaml.safe_load((ROOT / "rules" / "qom-police.yaml").read_text("utf-8"))
    for c in claims["claims"]:
        for k in ("value", "value_max", "precision", "scale"):
            if k in c:
                c[k] = str(c[k])
    return {"text": (ROOT / "examples" / "qom-police.fa.txt").read_text("utf-8"), "name": "qom.txt",
            "document": claims["document"], "claims": claims["claims"], "rules": rules["rules"]}


def _median(fn: Any, repeat: int) -> float:
    fn()  # warm caches (units, kinds, pydantic adapters)
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args()
    client = TestClient(create_app(allowed_hosts=["testserver"]))
    state = _state()
    cs = load_paths([ROOT / "claims", ROOT / "rules"])
    direct = _median(lambda: evaluate(cs), args.repeat)
    api = _median(lambda: client.post("/api/evaluate", json=state).raise_for_status(), args.repeat)
    print(json.dumps({"evaluate_ms": round(direct * 1000, 2), "api_evaluate_ms": round(api * 1000, 2),
                      "ratio": round(api / direct, 1)}, indent=2))


if __name__ == "__main__":
    main()
