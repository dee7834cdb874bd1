"""Pausing Python's cyclic garbage collector while building large, long-lived object graphs.

Loading 10^5 claims allocates millions of small objects that all stay alive; each time the
collector runs it rescans the growing graph and frees nothing, which doubles the time of
a load.  Reference counting still frees everything that dies meanwhile.

When the block ends, what it built is still young to the collector: the next collection
of the youngest generation would scan all of it (about 0.1 s for the 240,000 objects of a
10^5-claim evaluation's findings), and the one after that again.  The block's results are
meant to live on, so they are moved straight to the oldest generation (``gc.freeze`` then
``gc.unfreeze``: two list splices, no scan), where the next full collection sees them as
it sees every other long-lived object.  Objects the caller made just before the block move
with them; a caller that froze objects itself is left alone (nothing is moved then).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["paused"]


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Disable the cyclic collector inside the block; restore its previous state after,
    with what the block built in the oldest generation."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if gc.get_freeze_count() == 0:  # never unfreeze what someone else froze
                gc.freeze()
                gc.unfreeze()
            gc.enable()
