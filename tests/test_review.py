"""orgmodel diff, plan and stats: the change list, the findings delta, the timeline, the metrics."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from orgmodel import check, load, load_text
from orgmodel.analysis import CHANGE_KINDS, diff_orgs, org_stats, plan_timeline
from orgmodel.cli import main

from .conftest import EXAMPLES, ROOT

GOLDEN = ROOT / "tests" / "golden"
BEFORE, AFTER = "examples/reorg-before.yaml", "examples/reorg-after.yaml"


def run(*args, **kwargs):
    return CliRunner().invoke(main, [str(a) for a in args], **kwargs)


def org(people: str, **header) -> object:
    extra = "".join(f"{key}: {value}\n" for key, value in header.items())
    return load_text(f"org: T\nas_of: 2026-11-01\n{extra}people:\n{people}")


# -- the change list -------------------------------------------------------------------------------

OLD = """\
  - {id: ceo, role: ceo}
  - {id: a, name: Ann, title: Engineer, reports_to: ceo, team: core}
  - {id: b, name: Bob, role: software_engineer, reports_to: ceo}
  - {id: gone, name: Gus, role: software_engineer, reports_to: a}
  - {id: req-1, role: product_manager, status: open, reports_to: ceo}
  - {id: req-2, role: product_manager, status: open, reports_to: ceo}
  - {id: c, name: Cy, role: data_analyst, reports_to: ceo}
"""
NEW = """\
  - {id: ceo, role: ceo}
  - {id: a, name: Ann, title: Senior Engineer, reports_to: b, team: web, dotted_to: [ceo]}
  - {id: b, name: Bob, role: software_engineer, reports_to: ceo}
  - {id: req-1, name: Rita, role: product_manager, reports_to: ceo}
  - {id: c, name: Cy, role: data_analyst, reports_to: ceo, status: open}
  - {id: new, name: Nia, role: data_scientist, reports_to: ceo}
  - {id: req-3, role: product_manager, status: open, reports_to: ceo}
"""


def test_every_kind_of_change_is_found_with_from_and_to():
    changes = diff_orgs(org(OLD), org(NEW)).changes
    found = {(c.kind, c.person): (c.before, c.after) for c in changes}
    assert found == {
        ("hire", "new"): (None, "ceo"),
        ("new_position", "req-3"): (None, "ceo"),
        ("leaver", "gone"): ("a", None),
        ("position_closed", "req-2"): ("ceo", None),
        ("filled", "req-1"): ("open", "filled"),
        ("vacated", "c"): ("filled", "open"),
        ("moved", "a"): ("ceo", "b"),
        ("title_changed", "a"): ("Engineer", "Senior Engineer"),
        ("role_changed", "a"): ("software_engineer", "senior_software_engineer"),
        ("team_changed", "a"): ("core", "web"),
        ("dotted_changed", "a"): ([], ["ceo"]),
    }
    assert [c.kind for c in changes] == sorted((c.kind for c in changes), key=CHANGE_KINDS.index)


def test_an_unchanged_org_has_no_changes_and_no_finding_delta():
    same = diff_orgs(org(OLD), org(OLD), check(org(OLD)), check(org(OLD)))
    assert same.changes == [] and same.introduced == [] and same.resolved == [] and same.spans == []


def test_findings_are_matched_by_code_and_person():
    old, new = org(OLD), org(NEW)
    delta = diff_orgs(old, new, check(old), check(new))
    assert {(f.code, f.person) for f in delta.introduced} == \
        {(f.code, f.person) for f in check(new)} - {(f.code, f.person) for f in check(old)}
    assert {(f.code, f.person) for f in delta.resolved} == \
        {(f.code, f.person) for f in check(old)} - {(f.code, f.person) for f in check(new)}


def test_spans_layers_and_headcount_before_and_after():
    delta = diff_orgs(org(OLD), org(NEW))
    spans = {s.manager: (s.before, s.after) for s in delta.spans}
    assert spans == {"a": (1, 0), "b": (0, 1)}  # the CEO keeps five direct reports
    assert delta.layers == (3, 3)
    assert delta.headcount["total"] == {"present": (5, 5), "open": (2, 2), "planned": (0, 0)}
    assert delta.headcount["family"]["data"] == (1, 2)


# -- the reorg example, pinned in every format -------------------------------------------------------

@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_reorg_example_diff_is_pinned(fmt, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run("diff", BEFORE, AFTER, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (GOLDEN / f"diff.{fmt}").read_text(encoding="utf-8")


def test_reorg_example_tells_its_story(monkeypatch):
    monkeypatch.chdir(ROOT)
    data = json.loads(run("diff", BEFORE, AFTER, "--format", "json").stdout)
    kinds = [(c["kind"], c["person"]) for c in data["changes"]]
    assert [p for k, p in kinds if k == "hire"] == ["vera", "kim", "dan"]
    assert [p for k, p in kinds if k == "leaver"] == ["sven", "carmen"]
    introduced = {(f["code"], f["person"]) for f in data["findings"]["introduced"]}
    resolved = {(f["code"], f["person"]) for f in data["findings"]["resolved"]}
    assert ("PRD008", "noor") in introduced  # the move that breaks a rule
    assert ("PRD006", "hugo") in resolved and ("PRD011", "maya") in resolved  # the move and the hire that fix
    assert data["cost"] == {"currency": "EUR", "total": {"from": 2680000.0, "to": 2940000.0},
                            "family": data["cost"]["family"], "team": data["cost"]["team"]}
    assert set(data) == {"changes", "findings", "spans", "layers", "headcount", "cost"}
    assert set(data["changes"][0]) == {"kind", "person", "name", "from", "to"}
    assert set(data["findings"]["introduced"][0]) >= {"code", "severity", "message", "person", "file", "line"}


@pytest.mark.parametrize("level, code", [("never", 0), ("error", 1), ("warning", 1), ("info", 1)])
def test_fail_on_new_gates_on_what_the_change_introduces(level, code, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert run("diff", BEFORE, AFTER, "--fail-on-new", level).exit_code == code


def test_fail_on_new_ignores_findings_that_were_already_there(monkeypatch):
    monkeypatch.chdir(ROOT)
    # the enterprise example has warnings, but comparing it with itself introduces none
    enterprise = "examples/enterprise.yaml"
    assert run("diff", enterprise, enterprise, "--fail-on-new", "info").exit_code == 0


def test_markdown_escapes_names_that_would_break_a_table_or_inject_html():
    old = org("  - {id: a, role: ceo}\n")
    new = org("  - {id: a, role: ceo}\n  - {id: b, name: 'Eve | <img src=x onerror=alert(1)> *x*', "
              "role: software_engineer, reports_to: a}\n")
    from orgmodel.report.diff import render_markdown
    text = render_markdown(diff_orgs(old, new))
    row = next(line for line in text.splitlines() if line.startswith("| hire"))
    assert row.count(" | ") == 2  # three cells: the name's "|" did not add one
    assert "<img" not in text and "&#60;img" in text and "\\*x\\*" in text


def test_text_report_escapes_control_characters():
    old = org("  - {id: a, role: ceo}\n")
    new = org('  - {id: a, role: ceo}\n  - {id: b, name: "Eve\\n::error file=x::pwned\\u001b[31m", '
              "role: software_engineer, reports_to: a}\n")
    from orgmodel.report.diff import render_text
    text = render_text(diff_orgs(old, new))
    assert "\x1b" not in text and not any(line.startswith("::") for line in text.splitlines())
    assert "Eve\\n::error" in text


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_revisions_are_read_with_git_show(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def git(*args):
        subprocess.run(["git", *args], check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "ci@example.com")
    git("config", "user.name", "CI")
    (tmp_path / "org.yaml").write_text((EXAMPLES / "reorg-before.yaml").read_text(encoding="utf-8"))
    (tmp_path / "big.yaml").write_text("# padding\n" * 200_000 + "org: Big\npeople: []\n")
    git("add", "org.yaml", "big.yaml")
    git("commit", "-qm", "before")
    (tmp_path / "org.yaml").write_text((EXAMPLES / "reorg-after.yaml").read_text(encoding="utf-8"))

    by_revision = run("diff", "HEAD:org.yaml", "org.yaml", "--format", "json")
    shorthand = run("diff", "--git", "HEAD", "org.yaml", "--format", "json")
    assert by_revision.exit_code == 0 and shorthand.exit_code == 0, by_revision.stderr + shorthand.stderr
    assert by_revision.stdout == shorthand.stdout
    assert len(json.loads(by_revision.stdout)["changes"]) == 9
    assert "HEAD:org.yaml:" in json.loads(by_revision.stdout)["findings"]["resolved"][0]["file"] + ":"

    missing = run("diff", "nosuchrev:org.yaml", "org.yaml")
    assert missing.exit_code == 2 and "git cannot read nosuchrev:org.yaml" in missing.stderr

    # git's output is read no further than the size limit.
    too_big = run("diff", "--max-file-size", "1", "HEAD:big.yaml", "org.yaml")
    assert too_big.exit_code == 2
    assert too_big.stderr.startswith("HEAD:big.yaml:1:1: the file is larger than the limit of 1 MB")


def test_diff_plan_and_stats_read_hr_exports(tmp_path):
    before = tmp_path / "before.csv"
    before.write_text("Employee ID,Name,Job Title,Manager ID,Hire Date\n"
                      "1,Ana Lima,CEO,,2020-01-01\n2,Bo Chen,VP of Engineering,1,2021-01-01\n"
                      "3,Cy Dee,Software Engineer,2,2022-01-01\n", encoding="utf-8")
    after = tmp_path / "after.csv"
    after.write_text(before.read_text(encoding="utf-8").replace("3,Cy Dee,Software Engineer,2,",
                                                                "3,Cy Dee,Software Engineer,1,")
                     + "4,Di Eng,Software Engineer,2,2030-01-01\n", encoding="utf-8")
    change = json.loads(run("diff", before, after, "--isolated", "--as-of", "2026-01-01", "--format", "json").stdout)
    assert sorted(c["kind"] for c in change["changes"]) == ["hire", "moved"]
    plan = run("plan", after, "--isolated", "--as-of", "2026-01-01", "--map", "hired=Hire Date")
    assert plan.exit_code == 0 and "2030-01-01" in plan.stdout and "Di Eng" in plan.stdout
    stats = json.loads(run("stats", after, "--as-of", "2026-01-01", "--format", "json").stdout)
    assert stats["headcount"]["present"] == 3 and stats["headcount"]["planned"] == 1


def test_diff_of_an_unreadable_file_exits_2_with_located_errors(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("org: T\npeople:\n  - {id: a, role: ceo, reprots_to: x}\n")
    result = run("diff", bad, EXAMPLES / "scaleup.yaml")
    assert result.exit_code == 2 and result.stderr.startswith(f"{bad}:3:")


def test_diff_needs_two_files_or_one_with_git():
    assert run("diff", EXAMPLES / "scaleup.yaml").exit_code == 2
    assert run("diff", "--git", "HEAD", "a.yaml", "b.yaml").exit_code == 2


# -- plan ------------------------------------------------------------------------------------------

def test_plan_shows_prd001_until_the_first_pm_starts():
    steps = plan_timeline(load(EXAMPLES / "reorg-after.yaml"), check)
    assert [s.date.isoformat() for s in steps] == ["2026-11-01", "2027-01-11", "2027-02-01"]
    assert [[p.id for p in s.starting] for s in steps] == [[], ["kim"], ["dan"]]
    assert [s.headcount["present"] for s in steps] == [21, 22, 23]
    assert ("PRD001", "kim") in {(f.code, f.person) for f in steps[1].findings}
    assert [(f.code, f.person) for f in steps[2].disappear] == [("PRD001", "kim")]
    assert steps[2].appear == []


def test_plan_of_the_examples_is_pinned(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert run("plan", AFTER, "--format", "json").stdout == (GOLDEN / "plan-reorg.json").read_text(encoding="utf-8")
    assert run("plan", "examples/enterprise.yaml").stdout == \
        (GOLDEN / "plan-enterprise.txt").read_text(encoding="utf-8")


def test_plan_fail_on_error_fails_when_any_step_has_an_error(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert run("plan", AFTER, "--fail-on", "error").exit_code == 1
    assert run("plan", "examples/scaleup.yaml", "--fail-on", "error").exit_code == 0
    markdown = run("plan", AFTER, "--format", "markdown").stdout
    assert "| 2027-02-01 | Dan Cohen (Product Manager) |" in markdown


# -- stats -----------------------------------------------------------------------------------------

def test_stats_of_the_enterprise_example():
    stats = org_stats(load(EXAMPLES / "enterprise.yaml"))
    assert stats.headcount == {"present": 149, "open": 4, "planned": 2, "total": 155}
    assert len(stats.managers) + stats.individual_contributors == 155
    assert sum(n for n, _ in stats.span_bands.values()) == len(stats.managers)
    assert sum(stats.people_per_layer) == 155
    assert len(stats.deepest_chain) == len(stats.people_per_layer)
    spans = sorted(m.span for m in stats.managers)
    middle = len(spans) // 2
    assert stats.span_median == (spans[middle] if len(spans) % 2 else (spans[middle - 1] + spans[middle]) / 2)
    widest = max(stats.managers, key=lambda m: m.span)
    assert (widest.person, widest.span) == ("hal.yilmaz", 12)  # the SHP001 finding's manager
    assert stats.span_bands["8-12"][0] >= 1


def test_stats_bands_and_archetypes_place_each_span():
    from orgmodel.analysis.stats import ARCHETYPES, band_of
    assert [band_of(s) for s in (1, 2, 3, 4, 7, 8, 12, 13, 16, 17, 40)] == \
        ["1", "2-3", "2-3", "4-7", "4-7", "8-12", "8-12", "13-16", "13-16", "17+", "17+"]
    assert [band_of(s, ARCHETYPES) for s in (2, 3, 5, 6, 7, 8, 10, 11, 15, 16)] == \
        ["below player-coach", "player-coach", "player-coach", "coach", "coach", "supervisor", "supervisor",
         "facilitator", "facilitator", "coordinator"]


def test_cost_rolls_up_per_manager_team_and_family():
    stats = org_stats(load(EXAMPLES / "reorg-after.yaml"))
    assert stats.currency == "EUR" and stats.cost["total"] == 2_940_000
    by_manager = {m.person: m.cost_below for m in stats.managers}
    assert by_manager["maya"] == 2_940_000 - 240_000  # everyone below the CEO
    assert by_manager["kim"] == 105_000
    assert stats.cost["team"]["Payments"] == 155_000 + 105_000
    assert sum(stats.cost["family"].values()) == stats.cost["total"]


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "csv"])
def test_stats_formats(fmt, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run("stats", "examples/enterprise.yaml", "--format", fmt, "--managers")
    assert result.exit_code == 0, result.stderr
    if fmt == "json":
        data = json.loads(result.stdout)
        assert data["headcount"]["total"] == 155 and len(data["manager_list"]) == data["managers"]
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert {"hal.yilmaz"} <= {row["manager"] for row in rows} and rows[0]["layer"] == "1"
    elif fmt == "markdown":
        assert "| band | managers | share |" in result.stdout
    else:
        assert "Span of control (median" in result.stdout and "hal.yilmaz" in result.stdout


def test_stats_plot_draws_a_deterministic_dashboard(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    first, second = tmp_path / "a.svg", tmp_path / "b.svg"
    for out in (first, second):
        assert run("stats", "examples/enterprise.yaml", "--plot", out).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    text = first.read_text(encoding="utf-8")
    assert "Span of control (42 managers" in text and "Headcount by family" in text and "layer 6" in text
    png = tmp_path / "d.png"
    assert run("stats", "examples/enterprise.yaml", "--plot", png, "--bands", "mckinsey").exit_code == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert run("stats", "examples/enterprise.yaml", "--plot", tmp_path / "d.gif").exit_code == 2


def test_cost_and_currency_are_validated_at_their_position():
    from orgmodel import OrgInputError
    with pytest.raises(OrgInputError) as error:
        load_text("org: T\ncurrency: eur\npeople:\n  - {id: a, role: ceo, cost: -5}\n", "o.yaml")
    messages = [str(p) for p in error.value.problems]
    assert any(m.startswith("o.yaml:2:11: 'currency' must be a three-letter ISO 4217 code") for m in messages)
    assert any(m.startswith("o.yaml:4:") and "'cost' must be at least 0" in m for m in messages)


def test_diff_and_plan_take_the_rule_selection_of_check(monkeypatch):
    monkeypatch.chdir(ROOT)
    data = json.loads(run("diff", BEFORE, AFTER, "--format", "json", "--ignore", "PRD,SHP002").stdout)
    codes = {f["code"] for kind in ("introduced", "resolved") for f in data["findings"][kind]}
    assert codes == set()
    assert run("diff", BEFORE, AFTER, "--select", "PRD008", "--fail-on-new", "warning").exit_code == 1
    assert run("plan", AFTER, "--ignore", "PRD001", "--fail-on", "error").exit_code == 0


# -- render --diff ---------------------------------------------------------------------------------

def test_render_diff_marks_new_moved_and_left_people(tmp_path, monkeypatch):
    from orgmodel.render.changes import MARK_COLOURS, org_with_ghosts

    monkeypatch.chdir(ROOT)
    old, new = load(BEFORE), load(AFTER)
    drawn, marks = org_with_ghosts(diff_orgs(old, new))
    assert {pid for pid, m in marks.marks.items() if m == "new"} == {"vera", "kim", "dan"}
    assert {pid for pid, m in marks.marks.items() if m == "moved"} == {"noor", "hugo", "hana"}
    assert {pid for pid, m in marks.marks.items() if m == "left"} == {"sven", "carmen"}
    assert drawn.people["sven"].reports_to == "ines" and drawn.people["carmen"].reports_to == "hana"
    assert marks.moved_from == {"noor": "aisha", "hugo": "leo", "hana": "maya"}

    out = tmp_path / "reorg.svg"
    result = run("render", AFTER, "--diff", BEFORE, "-o", out)
    assert result.exit_code == 0, result.stderr
    svg = out.read_text(encoding="utf-8")
    assert "New (3)" in svg and "Moved (3)" in svg and "Left (ghost under their old manager) (2)" in svg
    assert "Sven Lind" in svg and "Carmen Ruiz" in svg  # the ghosts are drawn
    for colour in MARK_COLOURS.values():
        assert colour in svg
    png = tmp_path / "reorg.png"
    assert run("render", AFTER, "--diff", BEFORE, "-o", png).exit_code == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_render_diff_of_an_unreadable_old_file_exits_2(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    out = tmp_path / "x.png"
    result = run("render", AFTER, "--diff", tmp_path / "missing.yaml", "-o", out)
    assert result.exit_code == 2 and not out.exists()


def test_the_python_api_has_diff_plan_and_stats():
    import orgmodel

    change = orgmodel.diff(load(EXAMPLES / "reorg-before.yaml"), load(EXAMPLES / "reorg-after.yaml"), ignore=["SHP"])
    assert ("PRD006", "hugo") in {(f.code, f.person) for f in change.resolved}
    assert not any(f.code.startswith("SHP") for f in change.introduced + change.resolved)
    assert [s.date.isoformat() for s in orgmodel.plan(load(EXAMPLES / "reorg-after.yaml"))][-1] == "2027-02-01"
    assert orgmodel.stats(load(EXAMPLES / "enterprise.yaml")).headcount["total"] == 155
