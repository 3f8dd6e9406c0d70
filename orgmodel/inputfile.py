"""Read an input file (configuration, rules file) with a size limit, as text, or fail with a located problem.

Whatever the path names, reading stays bounded: ``/dev/zero`` stops at the
limit instead of filling memory, and a FIFO nobody writes to reads as empty
instead of blocking the run forever.
"""

from __future__ import annotations

import fcntl
import os

from .findings import OrgInputError, Problem

#: The default limit, the same as for org files (``--max-file-size``, in bytes).
DEFAULT_MAX_BYTES = 200 * 1024 * 1024
#: The largest limit --max-file-size accepts, in megabytes: far beyond any org a computer could check.
MAX_FILE_SIZE_MB = 4096
CHUNK = 1024 * 1024


class UnreadableFile(OrgInputError):
    """The file cannot be opened or read at all (missing, a folder, no permission)."""

    def __init__(self, name: str, reason: str):
        super().__init__([Problem(name, 1, 1, f"cannot read the file: {reason}")])
        self.reason = reason


def describe_limit(max_bytes: int) -> str:
    return f"{max_bytes / 1024 / 1024:g} MB" if max_bytes >= 1024 * 1024 else f"{max_bytes} bytes"


def too_big(name: str, max_bytes: int) -> OrgInputError:
    return OrgInputError([Problem(name, 1, 1, f"the file is larger than the limit of {describe_limit(max_bytes)}; "
                                              "raise it with --max-file-size if the file is genuine")])


def read_stream_bounded(stream, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytearray:
    """At most ``max_bytes`` of an open binary stream (standard input, a pipe from git); OrgInputError
    (at 1:1 of ``name``) when it holds more."""
    data = _read_at_most(stream, max_bytes + 1)
    if len(data) > max_bytes:
        raise too_big(name, max_bytes)
    return data


def read_bounded(path: str | os.PathLike, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytearray:
    """At most ``max_bytes`` of ``path``; OrgInputError (at 1:1 of ``name``) when larger or unreadable."""
    try:
        # O_NONBLOCK: opening a FIFO that has no writer returns at once instead of waiting for one.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise UnreadableFile(name, exc.strerror or str(exc)) from None
    try:
        with os.fdopen(descriptor, "rb") as handle:
            # Blocking reads again: a FIFO without writers reads as end of file, one with a writer waits for it.
            fcntl.fcntl(descriptor, fcntl.F_SETFL, fcntl.fcntl(descriptor, fcntl.F_GETFL) & ~os.O_NONBLOCK)
            if os.fstat(handle.fileno()).st_size > max_bytes:
                raise too_big(name, max_bytes)
            return read_stream_bounded(handle, name, max_bytes)
    except OSError as exc:
        raise UnreadableFile(name, exc.strerror or str(exc)) from None


def _read_at_most(handle, size: int) -> bytearray:
    """Up to ``size`` bytes in modest chunks (one big ``read(size)`` would allocate ``size`` at once)."""
    data = bytearray()
    while len(data) < size:
        chunk = handle.read(min(size - len(data), CHUNK))
        if not chunk:
            break
        data += chunk
    return data


def read_text_bounded(path: str | os.PathLike, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """:func:`read_bounded`, decoded as UTF-8; a bad byte is a problem at its line and column."""
    data = read_bounded(path, name, max_bytes)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise OrgInputError([Problem(name, line, column, f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x}); "
                                                         "save it as UTF-8")]) from None
    return text.removeprefix("\ufeff")
