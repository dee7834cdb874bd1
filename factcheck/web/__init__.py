"""``factcheck serve``: a local web page where an editor pastes an article and sees its figures checked.

The page's state is a claim file: the article text, its claims and its rules.  The server
is stateless; it extracts and infers for pasted text (:mod:`factcheck.web.app`,
``/api/analyze``) and evaluates whatever claims and rules the page sends back
(``/api/evaluate``), so every correction the editor makes is checked by the same code as
``factcheck check``.  The web dependencies are the optional extra ``web``; importing this
package does not need them, :func:`factcheck.web.app.create_app` does.
"""

from __future__ import annotations

__all__ = ["MISSING_DEPENDENCIES", "missing_dependencies"]

#: What ``pip`` needs to install for the page to work.
MISSING_DEPENDENCIES = "pip install 'factcheck[web]'"


def missing_dependencies() -> list[str]:
    """Names of the web dependencies that cannot be imported (empty when all are present)."""
    import importlib

    missing = []
    for name in ("fastapi", "starlette", "uvicorn"):
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    return missing
