"""Reading configuration and writing outputs whatever the path names: FIFOs, devices, symlinks, signals."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from orgmodel.atomic import write_all_or_none
from orgmodel.cli import main
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


def test_an_org_file_on_a_fifo_reads_without_hanging(tmp_path):
    from orgmodel import load

    fifo = tmp_path / "org.yaml"
    os.mkfifo(fifo)
    blocked, outcome = _in_thread(lambda: load(fifo))
    if blocked:
        with open(fifo, "w"):
            pass
    assert not blocked, "reading an org file on a FIFO without a writer hung"
    assert "the file is empty" in str(outcome["error"])

    def write():
        with open(fifo, "w") as handle:
            handle.write("org: Piped\npeople:\n  - {id: a, role: ceo}\n")

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    time.sleep(0.2)
    blocked, outcome = _in_thread(lambda: load(fifo))
    assert not blocked and outcome["value"].name == "Piped"


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


# --- output files ------------------------------------------------------------------------------

ORG = "org: T\npeople:\n  - {id: a, name: Ann, role: ceo}\n  - {id: b, name: Bo, role: cto, reports_to: a}\n"
ROOT = Path(__file__).resolve().parent.parent


def _run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def _command(*args, cwd, **kwargs) -> subprocess.CompletedProcess:
    """The real program in a child process (for stdout, signals and file descriptors)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **kwargs}
    return subprocess.run([sys.executable, "-m", "orgmodel", *map(str, args)], cwd=cwd, env=env, timeout=60, check=False,
                          **streams)


@pytest.fixture
def org(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "org.yaml").write_text(ORG, encoding="utf-8")
    return tmp_path / "org.yaml"


def test_a_symlinked_output_is_written_through_and_the_link_survives(org, tmp_path):
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "latest.json").write_text("old")
    (tmp_path / "report.json").symlink_to("reports/latest.json")
    result = _run("check", "--format", "json", "-o", "report.json", org)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "report.json").is_symlink()
    assert json.loads((tmp_path / "reports" / "latest.json").read_text())["summary"]["people"] == 2
    assert not list((tmp_path / "reports").glob(".*.tmp")) and not list(tmp_path.glob(".*.tmp"))


def test_a_dangling_symlink_creates_its_target(org, tmp_path):
    (tmp_path / "chart.json").symlink_to("charts-target.json")
    result = _run("render", org, "-o", "chart.json")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "chart.json").is_symlink() and (tmp_path / "charts-target.json").is_file()


@pytest.mark.parametrize("args, ending", [
    (("check", "-o", "out.txt", "org.yaml"), b" in 1 file, 2 people checked.\n"),
    (("render", "org.yaml", "-o", "out.svg"), b"</svg>\n"),  # the SVG is reread to add tooltips first
])
def test_a_fifo_output_is_written_into_not_replaced(org, tmp_path, args, ending):
    fifo = tmp_path / next(a for a in args if a.startswith("out."))
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = _run(*args)
    reader.join(10)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert received[0].endswith(ending)


def test_dev_stdout_is_written_directly(org, tmp_path):
    done = _command("check", "-o", "/dev/stdout", org, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith(b" in 1 file, 2 people checked.\n")


def test_an_existing_output_keeps_its_permission_bits(org, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text("old")
    report.chmod(0o640)
    assert _run("check", "-o", report, org).exit_code == 0
    assert stat.S_IMODE(report.stat().st_mode) == 0o640 and report.read_text() != "old"


@pytest.mark.parametrize("umask, mode", [(0o077, 0o600), (0o002, 0o664), (0o022, 0o644)])
def test_a_new_output_honours_the_umask(org, tmp_path, umask, mode):
    previous = os.umask(umask)
    try:
        for args in (("check", "-o", "r.txt", org), ("schema", "--output", "s.json"), ("render", org, "-o", "c.svg"),
                     ("export", org, "-o", "e.csv")):
            assert _run(*args).exit_code == 0
    finally:
        os.umask(previous)
    names = ("r.txt", "s.json", "c.svg", "e.csv")
    assert {name: stat.S_IMODE((tmp_path / name).stat().st_mode) for name in names} == dict.fromkeys(names, mode)


@pytest.mark.parametrize("make_alias", [
    lambda org: org,
    lambda org: (org.parent / "alias.yaml").symlink_to(org.name) or org.parent / "alias.yaml",
    lambda org: os.link(org, org.parent / "hard.yaml") or org.parent / "hard.yaml",
    lambda org: org.parent / "sub" / ".." / org.name,
], ids=["same-path", "symlink", "hard-link", "dot-dot"])
def test_an_output_that_is_an_input_is_refused_before_anything_is_written(org, tmp_path, make_alias):
    (tmp_path / "sub").mkdir()
    target = make_alias(org)
    result = _run("check", "-o", target, org)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"orgmodel: refusing to write {target}: it is the input file ")
    assert org.read_text() == ORG


def test_render_refuses_to_draw_over_its_input_or_configuration(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "org.json").write_text(ORG)
    assert _run("render", "org.json", "-o", "org.json").exit_code == 2
    assert (tmp_path / "org.json").read_text() == ORG
    (tmp_path / "conf.json").write_text("")
    result = _run("render", "org.json", "-o", "conf.json", "--config", "conf.json")
    assert result.exit_code == 2 and "it is the input file conf.json" in result.stderr


@pytest.mark.parametrize("args", [
    ("check", "-o", "missing/r.txt", "org.yaml"),
    ("check", "-o", "org.yaml/r.txt", "org.yaml"),
    ("schema", "--output", "missing/s.json"),
    ("render", "org.yaml", "-o", "missing/c.png"),
    ("export", "org.yaml", "-o", "missing/e.csv"),
    ("stats", "org.yaml", "-o", "missing/s.txt"),
    ("check", "-o", "/dev/full", "org.yaml"),
    ("check", "-o", "folder", "org.yaml"),
], ids=["missing-folder", "parent-is-a-file", "schema", "render", "export", "stats", "dev-full", "a-folder"])
def test_write_failures_are_one_line_with_exit_2(org, tmp_path, args):
    (tmp_path / "folder").mkdir()
    result = _run(*args)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"orgmodel: cannot write {args[args.index('-o' if '-o' in args else '--output') + 1]}: ")


def test_a_read_only_folder_is_a_write_failure(org, tmp_path):
    if os.geteuid() == 0:  # root writes into any folder of ours; sysfs refuses new files even to root
        folder = Path("/sys")
    else:
        folder = tmp_path / "ro"
        folder.mkdir(mode=0o555)
    result = _run("check", "-o", folder / "r.txt", org)
    assert result.exit_code == 2 and "Permission denied" in result.stderr


@pytest.mark.parametrize("args", [("check", "org.yaml"), ("check", "--format", "sarif", "org.yaml"), ("schema",),
                                  ("rules",), ("export", "--format", "csv", "org.yaml"), ("plan", "org.yaml")])
def test_a_full_stdout_is_a_one_line_error(org, tmp_path, args):
    with open("/dev/full", "wb") as full:
        done = _command(*args, cwd=tmp_path, stdout=full)
    assert done.returncode == 2
    assert done.stderr.decode() == "orgmodel: cannot write to standard output: No space left on device\n"


@pytest.mark.parametrize("args", [("check", "org.yaml"), ("schema",)])
def test_a_closed_stdout_is_a_one_line_error(org, tmp_path, args):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "orgmodel", *args], cwd=tmp_path, env=env, stderr=subprocess.PIPE,
                          preexec_fn=lambda: os.close(1), timeout=60, check=False)
    assert done.returncode == 2
    assert done.stderr.decode() == "orgmodel: cannot write to standard output: it is closed\n"


SIGNALLED = """
import os, signal, sys
import orgmodel.atomic
from orgmodel.cli import main

real_chmod = os.chmod
def chmod_then_signal(path, mode):  # the temporary file is written: now the user interrupts
    real_chmod(path, mode)
    os.kill(os.getpid(), signal.{signal})
orgmodel.atomic.os.chmod = chmod_then_signal
main(sys.argv[1:], prog_name="orgmodel")
"""


@pytest.mark.parametrize("signal_name, code, args", [
    ("SIGINT", 130, ("check", "-o", "out.txt", "org.yaml")),
    ("SIGTERM", 143, ("check", "-o", "out.txt", "org.yaml")),
    ("SIGTERM", 143, ("render", "org.yaml", "-o", "out.svg")),
    ("SIGINT", 130, ("schema", "--output", "out.txt")),
    ("SIGTERM", 143, ("export", "org.yaml", "-o", "out.csv")),
])
def test_an_interrupted_write_removes_its_temporary_file_and_exits_128_plus_the_signal(
        org, tmp_path, signal_name, code, args):
    output = tmp_path / next(a for a in args if a.startswith("out."))
    output.write_bytes(b"previous")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", SIGNALLED.replace("{signal}", signal_name), *args], cwd=tmp_path,
                          env=env, capture_output=True, timeout=60, check=False)
    assert done.returncode == code, done.stderr
    assert b"Traceback" not in done.stderr and b"orgmodel: interrupted" in done.stderr
    assert output.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["org.yaml", output.name])


def test_init_writes_all_its_files_or_none(tmp_path):
    files = {tmp_path / "a.txt": "a", tmp_path / "b.txt": "b", tmp_path / "c" / "c.txt": "c"}  # c/ is missing
    with pytest.raises(FileNotFoundError):
        write_all_or_none(files)
    assert list(tmp_path.iterdir()) == []
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "c.txt").mkdir()  # appears after the check for existing files
    with pytest.raises(FileExistsError):
        write_all_or_none(files)
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["c", "c.txt"]


def test_init_into_an_impossible_folder_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "file").write_text("x")
    result = _run("init", "file/sub")
    assert result.exit_code == 2
    assert result.stderr.startswith("orgmodel: cannot write ") and result.stderr.endswith("; nothing written\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_an_empty_output_path_is_refused(org):
    for args in (("check", "-o", "", org), ("schema", "--output", ""), ("export", org, "-o", "", "--format", "csv")):
        result = _run(*args)
        assert (result.exit_code, result.stderr) == (2, "orgmodel: the output path is empty\n"), args


@pytest.mark.parametrize("args", [("export", "org.txt", "-o", "org.txt", "--format", "csv"),
                                  ("stats", "org.txt", "-o", "org.txt"), ("diff", "org.txt", "org.txt", "-o", "org.txt"),
                                  ("import", "people.csv", "-o", "people.csv")])
def test_other_commands_refuse_to_write_over_their_input(tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "org.txt").write_text(ORG)
    (tmp_path / "people.csv").write_text("id,name,manager\na,Ann,\n")
    before = {name: (tmp_path / name).read_text() for name in ("org.txt", "people.csv")}
    result = _run(*args)
    output = args[args.index("-o") + 1]
    assert result.exit_code == 2 and f"refusing to write {output}: it is the input file" in result.stderr
    assert {name: (tmp_path / name).read_text() for name in before} == before
