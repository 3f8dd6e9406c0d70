"""Write output files safely, whatever the output path names.

A regular file (or a new one) is written atomically: to a temporary file in
the same folder, then renamed over it, so a failure part-way (a crash, a
full disk, Ctrl-C, SIGTERM) leaves the old file, or no file, never a
half-written one. Around that:

- a symlink is written through: its target is replaced, the link survives;
- a FIFO, a character device or anything under /dev (``/dev/stdout``) is
  written directly, never replaced by a regular file;
- an existing file keeps its permission bits; a new one gets the usual
  ``0o666`` less the umask, like any file a shell redirection creates.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

#: Paths written in place, never renamed over: devices and the process's own descriptors.
_SPECIAL_FOLDERS = ("/dev/", "/proc/")


def write_atomic(path: str | os.PathLike, write: Callable[[Path], None]) -> None:
    """Call ``write(tmp)`` to fill a temporary file, then put it at ``path`` (see the module docstring)."""
    path = Path(path)
    existing = _stat(path)
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if _written_in_place(path, existing):
        _write_in_place(path, write)
        return
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    mode = stat.S_IMODE(existing.st_mode) if existing is not None else 0o666 & ~current_umask()
    tmp = None
    try:  # BaseException: Ctrl-C and SIGTERM (which the command turns into SystemExit) clean up too
        tmp = _temporary_beside(target)
        write(tmp)
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        raise


def write_text_atomic(path: str | os.PathLike, text: str) -> None:
    write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def write_all_or_none(files: Mapping[Path, str]) -> None:
    """Write several new text files so that either all of them exist afterwards or none does.

    Each is written to a temporary file first; only when every one is
    complete are they moved into place (never over a file that appeared in
    the meantime), and a failure removes the ones already placed.
    """
    mode = 0o666 & ~current_umask()
    temporaries: dict[Path, Path] = {}
    placed: list[Path] = []
    try:
        for path, text in files.items():
            temporaries[path] = _temporary_beside(path)
            temporaries[path].write_text(text, encoding="utf-8")
            os.chmod(temporaries[path], mode)
        for path, tmp in temporaries.items():
            _place_new(tmp, path)
            placed.append(path)
    except BaseException:
        for path in placed:
            path.unlink(missing_ok=True)
        for tmp in temporaries.values():
            tmp.unlink(missing_ok=True)
        raise


def _place_new(tmp: Path, path: Path) -> None:
    """Move ``tmp`` to ``path`` unless something appeared there meanwhile (FileExistsError then)."""
    try:
        os.link(tmp, path)  # unlike a rename, a link never replaces an existing file
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links
        if path.exists():
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path)) from None
        os.replace(tmp, path)
        return
    tmp.unlink()


def same_file(output: str | os.PathLike, inputs) -> str | None:
    """The input among ``inputs`` that ``output`` names too (same inode, or same resolved path), or None.

    Writing a report or chart over the file being read would destroy it, so the
    command refuses before anything is written. ``-`` (standard input) is skipped.
    """
    for candidate in inputs:
        if candidate is None or str(candidate) == "-":
            continue
        try:
            if os.path.samefile(output, candidate):
                return str(candidate)
        except OSError:
            pass
        if os.path.realpath(output) == os.path.realpath(candidate):
            return str(candidate)
    return None


def current_umask() -> int:
    """The process's umask: from /proc on Linux, else by setting it for a moment and back."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)  # not thread-safe, hence the /proc reading first
    os.umask(mask)
    return mask


def _stat(path: Path) -> os.stat_result | None:
    """What ``path`` names, through symlinks; None when nothing is there (or a link dangles)."""
    try:
        return os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None


def _written_in_place(path: Path, existing: os.stat_result | None) -> bool:
    if os.path.abspath(path).startswith(_SPECIAL_FOLDERS):
        return True
    return existing is not None and not stat.S_ISREG(existing.st_mode)


def _write_in_place(path: Path, write: Callable[[Path], None]) -> None:
    """Fill a private temporary file (writers may reread it), then copy it into ``path`` as it is."""
    with tempfile.TemporaryDirectory(prefix="orgmodel-") as folder:
        tmp = Path(folder) / f"output{path.suffix}"
        write(tmp)
        with open(tmp, "rb") as source, open(path, "wb") as destination:
            shutil.copyfileobj(source, destination)


def _temporary_beside(path: Path) -> Path:
    directory = path.parent if str(path.parent) else Path(".")
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    os.close(handle)
    return Path(name)
