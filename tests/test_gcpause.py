"""What a paused block builds ends in the collector's oldest generation, unscanned."""

from __future__ import annotations

import gc
import weakref

from factcheck.gcpause import paused


class _Node:
    def __init__(self) -> None:
        self.children: list[_Node] = []


def _generation_of(obj: object) -> int | None:
    for gen in range(3):
        if any(o is obj for o in gc.get_objects(generation=gen)):
            return gen
    return None


def test_objects_built_in_the_block_are_old_and_the_collector_is_back_on() -> None:
    assert gc.isenabled()
    with paused():
        assert not gc.isenabled()
        root = _Node()
        root.children = [_Node() for _ in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    assert _generation_of(root) == 2 and _generation_of(root.children[-1]) == 2
    # Garbage cycles are still collected: a full collection finds one made in the block.
    with paused():
        cycle = _Node()
        cycle.children.append(cycle)
    alive = weakref.ref(cycle)
    gc.collect()
    assert alive() is cycle  # still referenced: kept
    del cycle
    gc.collect()
    assert alive() is None


def test_a_disabled_collector_stays_disabled_and_objects_stay_young() -> None:
    gc.disable()
    try:
        with paused():
            node = _Node()
        assert not gc.isenabled()
        assert _generation_of(node) == 0
    finally:
        gc.enable()


def test_objects_the_caller_froze_stay_frozen() -> None:
    kept = _Node()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with paused():
            node = _Node()
        assert gc.get_freeze_count() == frozen  # nothing of the caller's was unfrozen
        assert _generation_of(kept) is None and _generation_of(node) == 0
    finally:
        gc.unfreeze()
