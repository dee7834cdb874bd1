"""``factcheck rules``: every finding code with its name, summary and two examples.

``factcheck rules FC111`` (or a name, or an alias) shows one code; ``--format markdown``
prints docs/rules.md, which is generated from the same catalogue.
"""

from __future__ import annotations

import argparse
import json
import sys


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("rules", help="list every finding code with its name, summary and examples",
                       description="List every finding code: name, summary, one consistent and one "
                       "inconsistent example.")
    p.add_argument("codes", nargs="*", metavar="CODE", help="codes, names or aliases to show (default: all)")
    p.add_argument("--format", "-f", choices=["text", "json", "markdown"], default="text",
                   help="output format; markdown is the whole of docs/rules.md")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..codes import lookup
    from ..errors import UsageError
    from ..rulesdoc import all_codes, code_markdown, code_text, markdown

    codes = all_codes()
    if args.codes:
        try:
            codes = [lookup(c) for c in args.codes]
        except KeyError as exc:
            raise UsageError(f"{exc.args[0]} (see `factcheck rules`)") from None
    if args.format == "markdown":
        out = markdown() if not args.codes else "\n".join(code_markdown(c) for c in codes)
    elif args.format == "json":
        out = json.dumps([{"code": c.code, "name": c.name, "summary": c.summary, "kind": c.kind,
                           "severity": c.severity, "consistent_example": c.consistent_example,
                           "inconsistent_example": c.inconsistent_example, "aliases": list(c.aliases)}
                          for c in codes], ensure_ascii=False, indent=2) + "\n"
    else:
        out = "\n\n".join(code_text(c) for c in codes) + "\n"
    sys.stdout.write(out)
    return 0
