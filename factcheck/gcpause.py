"""Pausing Python's cyclic garbage collector while building large, long-lived object graphs.

Loading 10^5 claims allocates millions of small objects that all stay alive; each time the
collector runs it rescans the growing graph and frees nothing, which doubles the time of
a load.  Reference counting still frees everything that dies meanwhile.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["paused"]


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Disable the cyclic collector inside the block; restore its previous state after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
