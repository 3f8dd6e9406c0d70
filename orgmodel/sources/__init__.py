"""Readers: one per input kind, each producing the same models and source map.

``yaml`` reads org files (format 1) with a position for every key and value.
"""

from .yaml import DEFAULT_MAX_BYTES, load, load_bytes, load_text

__all__ = ["DEFAULT_MAX_BYTES", "load", "load_bytes", "load_text"]
