"""`orgmodel roles` with titles, and `orgmodel titles`."""

import json
import os
import subprocess
import sys

import yaml
from click.testing import CliRunner

from orgmodel import load_text
from orgmodel.cli import main

ORG = """\
org: T
people:
  - {id: a, title: "Founder & CEO"}
  - {id: b, title: "Vibes Wrangler", reports_to: a}
  - {id: c, title: "Production Technician - WC60", reports_to: a}
  - {id: d, title: "Production Technician - WC60", reports_to: a}
  - {id: e, title: "Production Technician - WC10", reports_to: a}
  - {id: f, title: "Manager", reports_to: a}
  - {id: g, title: "Manager", reports_to: a}
  - {id: h, title: "Marketing", reports_to: a}
  - {id: i, role: product_manager, title: "Wizard", reports_to: a}
  - {id: j, reports_to: a}
"""


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def write_org(tmp_path):
    path = tmp_path / "org.yaml"
    path.write_text(ORG, encoding="utf-8")
    return path


def test_roles_explains_several_titles_and_exits_1_when_one_is_unknown():
    result = run("roles", "--title", "VP, Product Marketing", "--title", "Manager")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == "marketing_80: Marketing (vice president) (family marketing, rank 80)"
    assert "family marketing from 'product marketing'" in result.stdout
    assert result.stdout.splitlines()[-1].startswith("unknown: title 'Manager'")


def test_roles_json_lists_title_role_family_rank_and_explanation(tmp_path):
    titles = tmp_path / "titles.txt"
    titles.write_text("Staff Backend Engineer\n\nAssistant to the CFO\nVibes Wrangler\n", encoding="utf-8")
    result = run("roles", "--titles-file", titles, "--format", "json")
    assert result.exit_code == 1
    listed = json.loads(result.stdout)
    assert [(t["title"], t["role"], t["family"], t["rank"]) for t in listed] == [
        ("Staff Backend Engineer", "staff_engineer", "engineering", 55),
        ("Assistant to the CFO", "executive_assistant", "operations", 30),
        ("Vibes Wrangler", "unknown", None, None),
    ]
    assert all(t["explanation"] for t in listed)


def test_roles_reads_titles_from_standard_input_and_locates_bad_text():
    result = CliRunner().invoke(main, ["roles", "--titles-file", "-", "--format", "json"],
                                input="Senior Android Developer\nStock Clerk\n")
    assert result.exit_code == 0, result.output
    assert [t["role"] for t in json.loads(result.stdout)] == ["senior_software_engineer", "operations_30"]
    bad = CliRunner().invoke(main, ["roles", "--titles-file", "-"], input=b"Accountant\nCaf\xe9 Manager\n")
    assert bad.exit_code == 2
    assert bad.stderr == "<stdin>:2:4: not valid UTF-8 text\n"


def test_roles_listing_names_the_generic_roles():
    listing = run("roles").stdout
    assert "finance_60" in listing and "product_20" in listing and "product_60" not in listing


def test_titles_lists_unknown_then_generic_titles_most_common_first(tmp_path):
    result = run("titles", write_org(tmp_path))
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "Titles with no role (unknown): 3 titles, 4 people",
        "      2  Manager",
        "      1  Vibes Wrangler",
        "      1  Marketing",
        "",
        "Titles with only a generic role (family and level): 2 titles, 3 people",
        "      2  Production Technician - WC60  -> operations_40",
        "      1  Production Technician - WC10  -> operations_40",
    ]


def test_roles_stub_is_a_roles_block_that_loads_and_gives_every_title_a_role(tmp_path):
    stub = run("titles", write_org(tmp_path), "--roles-stub").stdout
    block = yaml.safe_load(stub)["roles"]
    assert list(block) == ["manager", "vibes_wrangler", "marketing", "production_technician_wc60",
                           "production_technician_wc10"]
    assert block["production_technician_wc60"] == {"title": "Production Technician - WC60", "family": "operations",
                                                   "rank": 40, "aliases": ["Production Technician - WC60"]}
    assert block["marketing"]["family"] == "marketing" and "rank" not in block["marketing"]
    assert "# the words name no family orgmodel knows: set it" in stub
    pasted = ORG.replace("people:\n", stub + "people:\n", 1)
    org = load_text(pasted, "org.yaml")
    assert {p.id for p in org if p.role.id == "unknown"} == {"j"}  # only the person with no title at all


def test_roles_stub_keeps_the_level_of_a_title_with_no_family_and_folds_accents_in_ids(tmp_path):
    path = tmp_path / "org.yaml"
    path.write_text('org: Senatsverwaltung\npeople:\n  - {id: a, title: "Abteilungsleitung"}\n'
                    '  - {id: b, title: "Staatssekretär:in", reports_to: a}\n', encoding="utf-8")
    block = yaml.safe_load(run("titles", path, "--roles-stub").stdout)["roles"]
    assert block["abteilungsleitung"]["rank"] == 70 and block["abteilungsleitung"]["family"] == "other"
    assert block["staatssekretar_in"] == {"title": "Staatssekretär:in", "family": "executive", "rank": 90,
                                          "aliases": ["Staatssekretär:in"]}


def test_roles_stub_ids_spell_titles_of_any_script_in_ascii(tmp_path):
    path = tmp_path / "org.yaml"
    path.write_text('org: T\npeople:\n  - {id: a, title: "开发经理"}\n'
                    '  - {id: b, title: "Менеджер по продажам", reports_to: a}\n'
                    '  - {id: c, title: "Ελεγκτής", reports_to: a}\n', encoding="utf-8")
    stub = run("titles", path, "--roles-stub").stdout
    block = yaml.safe_load(stub)["roles"]
    assert set(block) == {"kaifajingli", "menedzher_po_prodazham", "elegktis"}
    assert block["menedzher_po_prodazham"]["aliases"] == ["Менеджер по продажам"]
    pasted = load_text("org: T\n" + stub + 'people:\n  - {id: a, title: "开发经理"}\n', "org.yaml")
    assert pasted["a"].role.id == "kaifajingli"


def test_roles_stub_never_reuses_unknown_and_says_when_no_alias_can_match(tmp_path):
    path = tmp_path / "org.yaml"
    path.write_text('org: T\npeople:\n  - {id: a, title: "Unknown"}\n  - {id: b, title: "???", reports_to: a}\n',
                    encoding="utf-8")
    stub = run("titles", path, "--roles-stub").stdout
    block = yaml.safe_load(stub)["roles"]
    assert "unknown" not in block and block["unknown_2"]["aliases"] == ["Unknown"]
    assert "aliases" not in block["role"] and "no alias can match it: give its people role: role" in stub


def test_roles_titles_file_from_empty_or_closed_standard_input():
    empty = CliRunner().invoke(main, ["roles", "--titles-file", "-", "--format", "json"], input="")
    assert empty.exit_code == 0 and json.loads(empty.stdout) == []
    closed = subprocess.run([sys.executable, "-m", "orgmodel", "roles", "--titles-file", "-"], check=False,
                            capture_output=True, text=True, preexec_fn=lambda: os.close(0))
    assert closed.returncode == 2
    assert closed.stderr.startswith("<stdin>:1:1: cannot read the file: standard input is closed")
    assert "Traceback" not in closed.stderr


def test_titles_with_nothing_to_report(tmp_path):
    path = tmp_path / "org.yaml"
    path.write_text("org: T\npeople:\n  - {id: a, role: ceo}\n", encoding="utf-8")
    result = run("titles", path)
    assert "Titles with no role (unknown): none" in result.stdout
    assert run("titles", path, "--roles-stub").stdout.startswith("# every title maps to a named role")


def test_titles_on_a_broken_file_is_an_input_error(tmp_path):
    path = tmp_path / "org.yaml"
    path.write_text("org: T\npeople: [\n", encoding="utf-8")
    result = run("titles", path)
    assert result.exit_code == 2 and f"{path}:" in result.stderr


def test_the_roles_example_in_the_command_reference_is_what_orgmodel_prints():
    import re
    import shlex
    from pathlib import Path

    text = (Path(__file__).parents[1] / "docs" / "cli.md").read_text(encoding="utf-8")
    block = re.search(r"```console\n\$ (orgmodel roles --title [^\n]*)\n(.*?)```", text, flags=re.DOTALL)
    assert block, "docs/cli.md lost its `orgmodel roles --title` example"
    result = run(*shlex.split(block.group(1))[1:])
    assert result.stdout == block.group(2)
