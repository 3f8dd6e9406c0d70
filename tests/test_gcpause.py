"""The cycle collector rests while orgmodel reads and checks; only the orgmodel command freezes
what the work made, so a program using the library can still reclaim cyclic garbage."""

from __future__ import annotations

import gc
import subprocess
import sys

from orgmodel import check, load

from .conftest import EXAMPLES, ROOT


def test_the_library_leaves_the_collector_as_it_found_it():
    frozen = gc.get_freeze_count()
    org = load(EXAMPLES / "scaleup.yaml")
    check(org)
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


def test_the_command_freezes_what_a_check_made():
    script = ("import gc\nfrom orgmodel.gcpause import freeze_after_pauses\nfrom orgmodel import load\n"
              "freeze_after_pauses()\nload('examples/scaleup.yaml')\nprint(gc.get_freeze_count() > 0, gc.isenabled())")
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert shown.stdout.split() == ["True", "True"]
