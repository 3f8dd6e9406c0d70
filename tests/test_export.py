"""orgmodel export: every format parses back to the same people and lines, whatever the names hold."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from xml.etree import ElementTree

import networkx as nx
import pytest
from click.testing import CliRunner

from orgmodel import load, load_text
from orgmodel.cli import main
from orgmodel.export import EXPORTERS
from orgmodel.export.records import CSV_COLUMNS

from .conftest import EXAMPLES

HOSTILE = """\
org: "Acme \\"Quoted\\" & <Co>"
as_of: 2026-01-01
teams:
  core: {name: "Core; \\"the\\" team"}
people:
  - {id: a, name: "Ann \\"The Boss\\" O'Neil", role: ceo, team: core}
  - {id: b, name: "Bob\\nNewline </script><img src=x onerror=alert(1)>", title: "VP of Sales, EMEA", reports_to: a}
  - {id: c, name: "Chloé 王 \\u0007bell \\\\back", title: "Engineer # [x] {y} |z|", reports_to: b, dotted_to: [a]}
  - {id: d, title: Senior Product Manager, reports_to: a, status: open}
  - {id: e, name: Eve Later, role: software_engineer, reports_to: c, hired: 2027-03-01, dotted_to: [b, a]}
"""


@pytest.fixture
def hostile():
    return load_text(HOSTILE, "hostile.yaml")


def test_csv_has_a_row_per_person_in_the_import_columns(hostile):
    rows = list(csv.DictReader(io.StringIO(EXPORTERS["csv"](hostile))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [row["id"] for row in rows] == ["a", "b", "c", "d", "e"]
    by_id = {row["id"]: row for row in rows}
    assert by_id["a"]["name"] == "Ann \"The Boss\" O'Neil"
    assert by_id["b"]["name"].startswith("Bob\nNewline </script>")  # data, kept exactly
    assert by_id["a"]["role"] == "ceo" and by_id["b"]["role"] == ""  # inferred roles are not written
    assert by_id["b"]["title"] == "VP of Sales, EMEA"
    assert by_id["e"]["dotted_to"] == "b;a" and by_id["e"]["hired"] == "2027-03-01"
    assert by_id["d"]["status"] == "open" and by_id["a"]["status"] == "filled"


def test_json_is_an_org_file_that_loads_back_to_the_same_people(hostile):
    document = json.loads(EXPORTERS["json"](hostile))
    assert document["version"] == 1 and document["org"] == hostile.name
    again = load_text(EXPORTERS["json"](hostile), "again.json")  # JSON is YAML: the loader reads it
    assert list(again.people) == list(hostile.people)
    for pid, person in hostile.people.items():
        other = again.people[pid]
        assert (other.name, other.title, other.role.id, other.reports_to, other.dotted_to, other.team,
                other.hired, other.status) == (person.name, person.title, person.role.id, person.reports_to,
                                               person.dotted_to, person.team, person.hired, person.status)
    assert again.teams["core"].name == hostile.teams["core"].name


def test_json_keeps_custom_roles_and_every_example_round_trips():
    for path in sorted(EXAMPLES.glob("*.yaml")):
        org = load(path)
        again = load_text(EXPORTERS["json"](org), "again.json")
        assert {p.id: (p.role.id, p.reports_to) for p in again} == {p.id: (p.role.id, p.reports_to) for p in org}
        assert {r.id for r in again.roles if not r.builtin} == {r.id for r in org.roles if not r.builtin}


def test_graphml_reads_back_with_networkx_and_stays_well_formed(hostile):
    text = EXPORTERS["graphml"](hostile)
    ElementTree.fromstring(text.encode("utf-8"))  # strict XML parser: the bell character was replaced
    graph = nx.read_graphml(io.StringIO(text))
    assert sorted(graph.nodes) == ["a", "b", "c", "d", "e"]
    kinds = {(u, v): k for u, v, k in graph.edges(data="kind")}
    assert kinds[("a", "b")] == "solid" and kinds[("b", "c")] == "solid"
    assert kinds[("a", "c")] == "dotted" and kinds[("b", "e")] == "dotted"
    assert graph.nodes["b"]["family"] == "sales" and graph.nodes["d"]["status"] == "open"
    assert graph.nodes["e"]["present"] == "false"


def _dot_statements(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()[1:] if line.strip() not in ("", "}")]


def test_dot_quotes_every_label_and_dashes_dotted_lines_and_open_positions(hostile):
    text = EXPORTERS["dot"](hostile)
    assert "\x07" not in text and "\nNewline" not in text  # control characters never reach the file
    for statement in _dot_statements(text)[1:]:
        # every statement is on one line and every quoted string closes on it
        assert statement.endswith((";", "{")), statement
        assert len(re.findall(r'(?<!\\)"', statement)) % 2 == 0, statement
    assert "n1 -> n2;" in text  # b -> c, solid
    assert re.search(r"n0 -> n2 \[style=dashed, constraint=false\];", text)  # a -.-> c
    assert re.search(r'n3 \[label="d\\nSenior Product Manager\\nopen position".*style="rounded,dashed"', text)


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz (dot) is not installed")
def test_graphviz_renders_the_dot_export_with_every_name(hostile):
    svg = subprocess.run(["dot", "-Tsvg"], input=EXPORTERS["dot"](hostile).encode(), capture_output=True,
                         check=True).stdout.decode()
    root = ElementTree.fromstring(svg)
    texts = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "Ann \"The Boss\" O'Neil" in texts and "Chloé 王" in texts and "</script>" in texts


def test_mermaid_escapes_label_syntax_and_marks_lines(hostile):
    text = EXPORTERS["mermaid"](hostile)
    lines = text.splitlines()
    assert lines[:4] == ["---", 'title: "Acme \\"Quoted\\" & <Co>"', "---", "flowchart TD"]
    node = re.compile(r'^  n\d+\["[^"\n]*"\]$')
    link = re.compile(r"^  n\d+ (---|-\.-) n\d+$")
    klass = re.compile(r"^  (classDef \w+ [^\n]+|class [n\d,]+ \w+)$")
    for line in lines[4:]:
        assert node.match(line) or link.match(line) or klass.match(line), line
    assert "#60;/script#62;" in text and "<img" not in text
    assert "  n0 -.- n2" in lines and "  n1 --- n2" in lines
    assert "  class n3 open" in lines and "  class n4 planned" in lines


def test_export_picks_the_format_from_the_extension_and_writes_atomically(tmp_path):
    out = tmp_path / "org.mmd"
    result = CliRunner().invoke(main, ["export", str(EXAMPLES / "startup.yaml"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text().startswith("---\ntitle: \"Fernweh Labs\"")
    assert "Wrote" in result.stderr and list(tmp_path.iterdir()) == [out]


def test_export_to_stdout_needs_a_format():
    result = CliRunner().invoke(main, ["export", str(EXAMPLES / "startup.yaml")])
    assert result.exit_code == 2 and "--format" in result.stderr
    result = CliRunner().invoke(main, ["export", str(EXAMPLES / "startup.yaml"), "--format", "csv"])
    assert result.exit_code == 0 and result.stdout.startswith("id,name,title,role,reports_to")


def test_unreadable_org_exits_2_with_located_errors_and_leaves_the_output(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("org: T\npeople:\n  - {id: a, role: ceo, reprots_to: x}\n")
    out = tmp_path / "out.csv"
    out.write_text("old\n")
    result = CliRunner().invoke(main, ["export", str(bad), "-o", str(out)])
    assert result.exit_code == 2
    assert re.match(rf"^{re.escape(str(bad))}:3:\d+: ", result.stderr)
    assert out.read_text() == "old\n"
