"""Reading configuration and writing outputs whatever the path names: FIFOs, devices, symlinks, signals."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from orgmodel.config import load_config
from orgmodel.findings import OrgInputError


def _in_thread(function, timeout: float = 10):
    """Run ``function`` in a thread; the result, or a failure when it is still blocked after ``timeout``."""
    outcome: dict = {}

    def run():
        try:
            outcome["value"] = function()
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout)
    return thread.is_alive(), outcome


def test_a_fifo_nobody_writes_to_reads_as_an_empty_configuration(tmp_path):
    fifo = tmp_path / "orgmodel.toml"
    os.mkfifo(fifo)
    blocked, outcome = _in_thread(lambda: load_config(fifo, explicit=True))
    if blocked:
        with open(fifo, "w"):  # release the reader so the test run can finish
            pass
    assert not blocked, "reading a FIFO without a writer hung"
    assert outcome["value"].select is None


def test_a_fifo_with_a_writer_is_read_like_a_file(tmp_path):
    fifo = tmp_path / "orgmodel.toml"
    os.mkfifo(fifo)

    def write():
        with open(fifo, "w") as handle:
            handle.write('select = ["PRD"]\n')

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    time.sleep(0.2)  # the writer now waits in open() for a reader, as a shell's process substitution does
    blocked, outcome = _in_thread(lambda: load_config(fifo, explicit=True))
    assert not blocked
    assert outcome["value"].select == ["PRD"]


def test_an_endless_configuration_stops_at_the_size_limit():
    with pytest.raises(OrgInputError) as info:
        load_config(Path("/dev/zero"), explicit=True, max_bytes=1024)
    assert str(info.value) == ("/dev/zero:1:1: the file is larger than the limit of 1024 bytes; "
                               "raise it with --max-file-size if the file is genuine")
