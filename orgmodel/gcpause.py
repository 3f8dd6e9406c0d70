"""Pause Python's cycle collector around work that allocates millions of acyclic objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Reading or checking a large org allocates millions of small objects and none of them
    form cycles; the cycle collector would walk the whole growing heap again and again (most
    of the time on a large file), so it rests until the work is over. Memory is still freed
    as usual: that is reference counting, not the collector."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            # What the work made (an org, its indexes, findings) lives on and holds no cycles: moved
            # out of the collector's generations, it is not walked again, several times over, by the
            # first collections after the pause.
            gc.freeze()
            gc.enable()
