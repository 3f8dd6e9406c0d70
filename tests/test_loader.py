"""Loading: every input error positioned, all at once; hostile files refused; scalars kept."""

import datetime as dt

import pytest

from orgmodel import OrgInputError, check, load, load_text
from orgmodel.roles import FAMILIES
from orgmodel.sources.yaml import load_bytes


def problems(text: str | bytes) -> list[str]:
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    with pytest.raises(OrgInputError) as info:
        load_bytes(data, "org.yaml")
    return [str(p) for p in info.value.problems]


def test_every_problem_in_one_run_with_positions():
    text = (
        "org: X\n"
        "people:\n"
        "  - id: a\n"
        "    role: ceo\n"
        "    reports_too: b\n"
        "  - id: b\n"
        "    name: [x]\n"
        "    role: cto\n"
        "    experience_years: lots\n"
        "    hired: 2020-13-01\n"
        "    status: opne\n"
        "  - id: a\n"
        "    title: CTO\n"
        "  - name: nobody\n"
        "    role: ceo\n"
    )
    assert problems(text) == [
        "org.yaml:5:5: unknown key 'reports_too' (did you mean 'reports_to'?)",
        "org.yaml:7:11: 'name' must be text, not a list",
        "org.yaml:9:23: 'experience_years' must be a number, not 'lots'",
        "org.yaml:10:12: 'hired' must be a real calendar date, not '2020-13-01'",
        "org.yaml:11:13: 'status' must be 'filled' or 'open', not 'opne' (did you mean 'open'?)",
        "org.yaml:12:9: duplicate person id 'a' (first defined at line 3)",
        "org.yaml:14:5: missing required key 'id'",
    ]


@pytest.mark.parametrize("text, expected", [
    ("org: X\npeople:\n  - {id: a, role: ceo\n", "org.yaml:4:1: YAML syntax error"),
    ("org: X\norg: Y\npeople: []\n", "org.yaml:2:1: duplicate key 'org' (first defined at line 1)"),
    ("org: X\nversion: 2\npeople: []\n", "org.yaml:2:10: 'version' must be 1, not '2': this orgmodel reads format version 1"),
    ("- a\n- b\n", "org.yaml:1:1: the top level must be a mapping with 'org' and 'people', not a list"),
    ("just text\n", "org.yaml:1:1: the top level must be a mapping with 'org' and 'people', not 'just text'"),
    ("", "org.yaml:1:1: the file is empty"),
    ("# only a comment\n\n", "org.yaml:1:1: the file is empty"),
    ("org: X\nprople: []\n", "org.yaml:2:1: unknown key 'prople' (did you mean 'people'?)"),
    ("org: X\n", "org.yaml:1:1: missing required key 'people'"),
    ("people: []\n", "org.yaml:1:1: missing required key 'org'"),
    ("org: X\npeople: {a: 1}\n", "org.yaml:2:9: 'people' must be a list of person entries, not a mapping"),
    ("org: X\npeople:\n  - just-a-name\n", "org.yaml:3:5: a person entry must be a mapping"),
    ("org: X\nas_of: soon\npeople: []\n", "org.yaml:2:8: 'as_of' must be a date written YYYY-MM-DD"),
    # Numbers are not seconds since 1970, and a time of day is not silently dropped.
    ("org: X\nas_of: 0\npeople: []\n", "org.yaml:2:8: 'as_of' must be a date written YYYY-MM-DD, like 2025-03-01, not '0'"),
    ("org: X\npeople:\n  - {id: a, role: ceo, hired: 86400}\n",
     "org.yaml:3:31: 'hired' must be a date written YYYY-MM-DD, like 2025-03-01, not '86400'"),
    ("org: X\npeople:\n  - {id: a, role: ceo, hired: 2024-01-02T09:00:00Z}\n",
     "org.yaml:3:31: 'hired' must be a date without a time, not '2024-01-02T09:00:00Z': drop the time part (write 2024-01-02)"),
    ("org: X\nas_of: 2024-01-02 09:00\npeople: []\n", "org.yaml:2:8: 'as_of' must be a date without a time"),
    ("org: X\nas_of: 2024-1-2\npeople: []\n", "org.yaml:2:8: 'as_of' must be a date written YYYY-MM-DD"),
    ("org: X\nas_of: \"２０２４-01-02\"\npeople: []\n", "org.yaml:2:8: 'as_of' must be a date written YYYY-MM-DD"),
    ("org: X\nas_of: 2024-02-30\npeople: []\n", "org.yaml:2:8: 'as_of' must be a real calendar date, not '2024-02-30'"),
    ("org: X\nteams: {g: {nam: G}}\npeople: []\n", "org.yaml:2:13: unknown key 'nam' (did you mean 'name'?)"),
    ("org: X\nroles: {r: {family: data, ranks: 3}}\npeople: []\n",
     "org.yaml:2:27: unknown key 'ranks' (did you mean 'rank'?)"),
    ("org: X\nroles: {r: {family: magic}}\npeople: []\n", "org.yaml:2:21: 'roles.r.family' must be"),
    ("org: X\nroles: {r: {rank: 1}}\npeople: []\n", "org.yaml:2:9: role 'r' needs a 'family'"),
    ("org: X\npeople:\n  - {id: \"a\\tb\", role: ceo}\n",
     "org.yaml:3:10: 'id' must be text with a visible character and no control characters, not 'a\\tb'"),
    ("org: X\npeople:\n  - {id: ' ', role: ceo}\n", "org.yaml:3:10: 'id' must be text with a visible character"),
    # The whole id must match: a final newline is not allowed through by `$`.
    ('org: X\npeople:\n  - {id: "x\\n", role: ceo}\n',
     "org.yaml:3:10: 'id' must be text with a visible character and no control characters, not 'x\\n'"),
    ('org: X\nroles: {"r\\n": {family: data}}\npeople: []\n', "org.yaml:2:9: role id 'r\\n' may contain only"),
    ("org: X\npeople:\n  - {id: a, role: ceo, experience_years: -1}\n", "org.yaml:3:42: 'experience_years' must be at least 0, not '-1'"),
    ("org: X\npeople:\n  - {id: a, role: ceo, experience_years: 1e999}\n",
     "org.yaml:3:42: 'experience_years' must be a finite number, not '1e999'"),
    ("org: X\npeople:\n  - {id: a, role: ceo, experience_years: inf}\n",
     "org.yaml:3:42: 'experience_years' must be a finite number, not 'inf'"),
    ("org: X\npeople:\n  - {id: a, role: ceo, reports: x}\n", "org.yaml:3:33: 'reports' must be a list of person entries, not 'x'"),
    ("org: X\npeople:\n  - id: a\n    role: ceo\n    reports:\n      - {id: b, role: cto, reports_to: z}\n",
     "org.yaml:6:40: 'b' is nested under 'a' but reports_to says 'z'"),
    ("a: *nothing\n", "org.yaml:1:4: alias *nothing refers to no anchor"),
    ("org: X\npeople: []\n---\norg: Y\n", "org.yaml:3:1: the file holds more than one YAML document"),
    ("org: !!python/object/apply:os.system [echo hi]\npeople: []\n",
     "org.yaml:1:6: YAML tag '!!python/object/apply:os.system' is not allowed"),
    ("org: !custom X\npeople: []\n", "org.yaml:1:6: YAML tag '!custom' is not allowed"),
])
def test_input_error(text, expected):
    found = problems(text)
    assert any(p.startswith(expected) for p in found), found


@pytest.mark.parametrize("text, expected", [
    ("org: X\npeople:\n  - {id: a, role: ceo, ignore: [PRD999]}\n",
     ["org.yaml:3:33: 'ignore' names unknown rule code 'PRD999'"]),
    ("org: X\npeople:\n  - {id: a, role: ceo, ignore: PRD99}\n  - {id: b, role: cto, reports_to: a, ignore: [ORG, XX1]}\n",
     ["org.yaml:3:32: 'ignore' names unknown rule code 'PRD99'", "org.yaml:4:53: 'ignore' names unknown rule code 'XX1'"]),
])
def test_unknown_ignore_codes_are_input_errors_where_they_are_written(text, expected):
    org = load_bytes(text.encode(), "org.yaml")  # the reader keeps the codes; the engine knows the rules
    with pytest.raises(OrgInputError) as info:
        check(org)
    assert [str(p).split(" (did you mean")[0] for p in info.value.problems] == expected


def test_bytes_that_are_not_utf8_point_at_the_byte():
    assert problems(b"org: X\npeople:\n  - {id: a, name: caf\xe9}\n") == [
        "org.yaml:3:22: the file is not UTF-8 text (byte 0xe9); save it as UTF-8"]


def test_billion_laughs_is_refused():
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        refs = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    found = problems("\n".join(lines) + "\n")
    assert len(found) == 1 and "aliases expand to too many values" in found[0]


@pytest.mark.parametrize("text", ["[" * 100_000 + "]" * 100_000, "{a: " * 100_000 + "}" * 100_000,
                                  "".join(" " * i + "- \n" for i in range(3000))])
def test_deep_nesting_is_refused_not_crashing(text):
    found = problems(text)
    assert len(found) == 1 and "nesting is deeper than 1000 levels" in found[0]


def test_file_over_the_size_limit_is_refused(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text("org: X\npeople: []\n" + "# padding\n" * 200)
    with pytest.raises(OrgInputError) as info:
        load(path, max_bytes=1000)
    assert str(info.value) == f"{path}:1:1: the file is larger than the limit of 1000 bytes; " \
                              "raise it with --max-file-size if the file is genuine"


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(OrgInputError) as info:
        load(tmp_path / "nope.yaml")
    assert "cannot read the file: No such file or directory" in str(info.value)


def test_scalars_are_kept_as_written():
    org = load_text("org: X\npeople:\n  - {id: 007, name: No, title: '1:30', role: ceo}\n"
                    "  - {id: on, name: 1:30, role: cto, reports_to: 007}\n")
    bond = org.people["007"]
    assert (bond.id, bond.name, bond.title) == ("007", "No", "1:30")
    assert org.people["on"].name == "1:30"
    assert org.manager_of("on") is bond


def test_nested_and_flat_people_load_the_same_org():
    nested = load_text("org: X\npeople:\n  - id: a\n    role: ceo\n    reports:\n"
                       "      - id: b\n        role: cto\n        reports:\n          - {id: c, role: software_engineer}\n"
                       "      - {id: d, role: cfo, reports_to: a}\n")
    flat = load_text("org: X\npeople:\n  - {id: a, role: ceo}\n  - {id: b, role: cto, reports_to: a}\n"
                     "  - {id: c, role: software_engineer, reports_to: b}\n  - {id: d, role: cfo, reports_to: a}\n")
    assert list(nested.people) == list(flat.people) == ["a", "b", "c", "d"]
    assert {pid: p.reports_to for pid, p in nested.people.items()} == \
           {pid: p.reports_to for pid, p in flat.people.items()}
    assert (nested.people["c"].line, nested.people["c"].column) == (9, 13)


def test_format_example_loads_with_everything_it_shows():
    org = load_text("""\
version: 1
org: Acme Corp
as_of: 2026-11-01
roles:
  developer_advocate:
    title: Developer Advocate
    family: marketing
    rank: 40
    aliases: ["DevRel", "Developer Relations Engineer"]
teams:
  growth: {name: Growth}
  platform: {name: Platform}
people:
  - id: ana
    name: Ana Lima
    role: ceo
  - id: ben
    name: Ben Ortiz
    title: VP of Product
    reports_to: ana
    hired: 2023-01-15
    experience_years: 12
    reports:
      - id: cara
        name: Cara Smith
        role: head_of_product
        team: growth
        experience_years: 6
        dotted_to: [dev]
  - id: dev
    title: DevRel
    reports_to: ana
  - id: open-spm-1
    role: senior_product_manager
    status: open
    reports_to: cara
    hired: 2027-02-01
""")
    assert org.name == "Acme Corp" and org.as_of == dt.date(2026, 11, 1)
    assert org.people["ben"].role.id == "vp_product" and org.people["ben"].role_source == "title"
    assert org.people["dev"].role.id == "developer_advocate"
    assert org.people["cara"].reports_to == "ben"
    assert org.people["open-spm-1"].is_open and not org.is_present(org.people["open-spm-1"])
    assert org.graph.edges["dev", "cara"]["kind"] == "dotted"
    assert org.graph.edges["ben", "cara"]["kind"] == "solid"
    assert set(org.teams) == {"growth", "platform"}


def test_merge_keys_and_anchors_expand_with_positions():
    org = load_text("org: X\npeople:\n  - &base {id: a, role: ceo, team: core}\n"
                    "  - <<: *base\n    id: b\n    role: cto\n    reports_to: a\n")
    assert org.people["b"].team == "core" and org.people["b"].role.id == "cto"


def test_as_of_argument_overrides_the_file():
    text = "org: X\nas_of: 2020-01-01\npeople:\n  - {id: a, role: ceo, hired: 2021-01-01}\n"
    assert not load_text(text).is_present(load_text(text).people["a"])
    org = load_text(text, as_of=dt.date(2022, 1, 1))
    assert org.is_present(org.people["a"])


def test_empty_people_loads_with_a_warning():
    org = load_text("org: X\npeople: []\n", "o.yaml")
    assert len(org) == 0
    assert [str(w) for w in org.warnings] == ["o.yaml:2:9: warning: 'people' is empty: there is nothing to check"]


def test_custom_role_overrides_a_builtin_and_keeps_what_it_does_not_say():
    org = load_text("org: X\nroles:\n  product_manager: {aliases: [Product Specialist]}\n"
                    "people:\n  - {id: a, title: Product Specialist}\n")
    role = org.people["a"].role
    assert (role.id, role.family, role.rank, role.builtin) == ("product_manager", "product", 40, False)


def test_the_json_schema_also_matches_ids_as_a_whole():
    import jsonschema

    from orgmodel.schema import org_schema

    validator = jsonschema.Draft7Validator(org_schema())
    for bad in ({"org": "X", "people": [{"id": "x\n", "role": "ceo"}]}, {"org": "X", "currency": "EUR\n", "people": []},
                {"org": "X", "roles": {"r\n": {"family": "data"}}, "people": []}):
        assert any("does not match" in e.message for e in validator.iter_errors(bad)), bad
    assert validator.is_valid({"org": "X", "roles": {"r.1": {"family": "data"}}, "people": [{"id": "a-b_c.d", "role": "ceo"}]})


@pytest.mark.parametrize("written", ["2026-1-1", "２０２６-01-01", "2026-01-01T00:00", "0", "2026-02-30"])
@pytest.mark.parametrize("command", ["check", "render"])
def test_as_of_option_takes_dates_as_org_files_write_them(tmp_path, command, written):
    from click.testing import CliRunner

    from orgmodel.cli import main

    org = tmp_path / "org.yaml"
    org.write_text("org: X\npeople:\n  - {id: a, role: ceo}\n")
    args = [command, str(org), "--as-of", written] + (["-o", str(tmp_path / "o.svg")] if command == "render" else [])
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and "Invalid value for '--as-of'" in result.stderr, result.output
    assert not (tmp_path / "o.svg").exists()
    assert CliRunner().invoke(main, args[:3] + ["2026-01-01"] + args[4:]).exit_code == 0


NEEDS_FAMILY = f"needs a 'family' (one of {', '.join(FAMILIES)})"
FAMILY_CHOICES = ", ".join(repr(f) for f in FAMILIES[:-1]) + f" or {FAMILIES[-1]!r}"


def test_every_problem_under_roles_in_one_run():
    text = ("org: X\n"
            "roles:\n"
            "  'bad id': {family: nope}\n"
            "  r2: {rank: x, foo: 1}\n"
            "  r3: {}\n"
            "  r4: {family: ~}\n"
            "people:\n"
            "  - {id: a, role: ceo, hired: 0}\n")
    assert problems(text) == [
        "org.yaml:3:3: role id 'bad id' may contain only letters, digits, '_', '-' and '.'",
        f"org.yaml:3:22: 'roles.bad id.family' must be {FAMILY_CHOICES}, not 'nope'",
        f"org.yaml:4:3: role 'r2' {NEEDS_FAMILY}",
        "org.yaml:4:14: 'roles.r2.rank' must be a whole number, not 'x'",
        "org.yaml:4:17: unknown key 'foo' (allowed: title, family, rank, aliases)",
        f"org.yaml:5:3: role 'r3' {NEEDS_FAMILY}",
        f"org.yaml:6:3: role 'r4' {NEEDS_FAMILY}",
        "org.yaml:8:31: 'hired' must be a date written YYYY-MM-DD, like 2025-03-01, not '0'",
    ]


@pytest.mark.parametrize("quoted", ['"<<"', "'<<'"])
def test_only_a_plain_merge_key_merges(quoted):
    text = f"org: X\npeople:\n  - &a {{id: a, role: ceo}}\n  - {{{quoted}: *a, id: b, reports_to: a}}\n"
    assert "org.yaml:4:6: unknown key '<<' (allowed: id, name" in "\n".join(problems(text))
    assert len(load_text(text.replace(quoted, "<<"))) == 2


def test_a_plain_merge_marker_as_a_value_is_text():
    assert load_text("org: X\npeople:\n  - {id: a, role: ceo, name: <<}\n")["a"].name == "<<"


def test_characters_yaml_does_not_allow_are_each_located_in_one_run():
    text = 'org: X\npeople:\n  - {id: a, name: "Zoë\x00", role: ceo}\r  - {id: b, name: "\x1b[31m", role: cto}\n'
    assert problems(text) == [
        "org.yaml:3:23: control character U+0000 is not allowed in a YAML file; remove it",
        # libyaml counts a lone carriage return as a line break; so do the positions.
        "org.yaml:4:20: control character U+001B is not allowed in a YAML file; remove it",
    ]


def test_a_binary_file_lists_a_few_characters_then_stops():
    found = problems(b"org: X\n" + b"\x01" * 5000)
    assert len(found) == 11 and found[0] == "org.yaml:2:1: control character U+0001 is not allowed in a YAML file; remove it"
    assert found[-1].startswith("org.yaml:2:11: more characters that YAML does not allow follow")


def test_every_byte_that_is_not_utf8_is_located_in_characters():
    assert problems("org: Zoë\npeople:\n  - {id: a, name: ".encode() + b"caf\xe9 \xe9t\xe9}\n") == [
        "org.yaml:3:22: the file is not UTF-8 text (byte 0xe9); save it as UTF-8",
        "org.yaml:3:24: the file is not UTF-8 text (byte 0xe9); save it as UTF-8",
        "org.yaml:3:26: the file is not UTF-8 text (byte 0xe9); save it as UTF-8",
    ]


ORG_TEXT = "org: Zoë & Co\npeople:\n  - {id: a, name: Zoë, role: ceo}\n"


@pytest.mark.parametrize("encoded", [
    b"\xef\xbb\xbf" + ORG_TEXT.encode("utf-8"),
    ORG_TEXT.encode("utf-16"),  # with a byte order mark
    b"\xfe\xff" + ORG_TEXT.encode("utf-16-be"),
    ORG_TEXT.encode("utf-16-le"),  # without one: YAML tells it by the zero bytes
    ORG_TEXT.encode("utf-16-be"),
    ORG_TEXT.encode("utf-32"),
], ids=["utf-8-bom", "utf-16-bom", "utf-16-be-bom", "utf-16-le", "utf-16-be", "utf-32-bom"])
def test_encodings_yaml_allows_are_read(encoded):
    org = load_bytes(encoded, "org.yaml")
    assert org.name == "Zoë & Co" and org["a"].name == "Zoë" and org["a"].line == 3


def test_a_broken_utf16_file_is_located():
    data = ORG_TEXT.encode("utf-16-le") + b"\x00\xd8"  # a lone surrogate at the end
    assert problems(b"\xff\xfe" + data) == ["org.yaml:4:1: the file is not UTF-16 text (bytes 0x00 0xd8); save it as UTF-8"]


def test_messages_quote_values_escaped_and_short():
    huge = "x" * 1_000_000
    found = problems(f'org: X\npeople:\n  - {{id: "{huge}\\t", role: ceo, experience_years: {huge}}}\n')
    assert len(found) == 2 and all(len(line) < 300 for line in found), [len(line) for line in found]
    assert "(1,000,001 characters)" in found[0] and "(1,000,000 characters)" in found[1]
    found = problems('org: X\nroles: {"r\\n": {family: magic}}\npeople: []\n')
    assert all("\n" not in line for line in found)
    assert any(line.startswith("org.yaml:2:25: 'roles.'r\\n'.family' must be") for line in found), found


def test_yaml_level_problems_come_with_the_orgs_own_in_one_run():
    text = ("org: !custom X\n"
            "people:\n"
            "  - {id: a, role: ceo, role: cto, hired: 0}\n"
            "  - {id: b, role: cto, reports_to: *nobody, experience_years: lots}\n")
    assert problems(text) == [
        "org.yaml:1:6: YAML tag '!custom' is not allowed in an org file",
        "org.yaml:3:24: duplicate key 'role' (first defined at line 3)",
        "org.yaml:3:42: 'hired' must be a date written YYYY-MM-DD, like 2025-03-01, not '0'",
        "org.yaml:4:36: alias *nobody refers to no anchor defined before it",
        "org.yaml:4:63: 'experience_years' must be a number, not 'lots'",
    ]


def test_a_huge_date_is_quoted_short():
    found = problems(f"org: X\nas_of: 2024-01-01T{'9' * 1_000_000}\npeople: []\n")
    quoted = repr(f"2024-01-01T{'9' * 49}")
    expected = (f"org.yaml:2:8: 'as_of' must be a date without a time, not {quoted}… (1,000,011 characters): "
                "drop the time part (write 2024-01-01)")
    assert found == [expected]


def test_unknown_ignore_codes_of_people_built_in_python_are_reported_at_the_person():
    from orgmodel import Org, Person, RoleCatalog

    ceo = RoleCatalog.builtin().get("ceo")
    org = Org("X", [Person("a", "A", ceo, ignore=("NOPE1",), line=4, column=3)], file="api")
    with pytest.raises(OrgInputError) as info:
        check(org)
    assert [str(p) for p in info.value.problems] == ["api:4:3: 'ignore' names unknown rule code 'NOPE1'"]
