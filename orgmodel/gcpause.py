"""Pause Python's cycle collector around work that allocates millions of acyclic objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: Set by the ``orgmodel`` command (see :func:`freeze_after_pauses`), never by the library.
_freeze_after = False


def freeze_after_pauses() -> None:
    """For a process that reads or checks once and exits (the ``orgmodel`` command): after each
    pause, move everything alive out of the collector's generations. What the work made (an
    org, its indexes, findings) then is not walked again, several times over, by the first
    collections after the pause: about 2 s of a million-person check. A long-running program
    using orgmodel as a library must not do this: frozen cyclic garbage is never reclaimed."""
    global _freeze_after
    _freeze_after = True


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
            if _freeze_after:
                gc.freeze()
            gc.enable()
