"""``factcheck schema``: print the JSON Schema of claim and rule files."""

from __future__ import annotations

import argparse
import json
import sys


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("schema", help="print the JSON Schema of claim/rule files")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..files import file_model

    schema = file_model().model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    sys.stdout.write(json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
    return 0
