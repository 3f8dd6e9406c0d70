"""Property-based tests: random orgs, invariants that must always hold."""

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgmodel import RULES, check, load_text
from orgmodel.roles import BUILTIN_ROLES

from .fuzz.outcome import run

ROLE_IDS = [r.id for r in BUILTIN_ROLES] + ["not_a_role"]


@st.composite
def org_texts(draw, max_people=40):
    """YAML text of a random org: any shape, including cycles, unknown managers and vacancies."""
    count = draw(st.integers(1, max_people))
    ids = [f"p{i}" for i in range(count)]
    lines = ["org: Random", "as_of: 2026-01-01", "people:"]
    for pid in ids:
        manager = draw(st.one_of(st.none(), st.sampled_from(ids), st.just("ghost")))
        fields = [f"id: {pid}", f"role: {draw(st.sampled_from(ROLE_IDS))}"]
        if manager:
            fields.append(f"reports_to: {manager}")
        if draw(st.booleans()):
            fields.append(f"hired: {dt.date(2020, 1, 1) + dt.timedelta(days=draw(st.integers(0, 2500)))}")
        if draw(st.integers(0, 5)) == 0:
            fields.append("status: open")
        if draw(st.integers(0, 5)) == 0:
            fields.append(f"dotted_to: [{draw(st.sampled_from(ids + ['ghost']))}]")
        if draw(st.integers(0, 3)) == 0:
            fields.append(f"experience_years: {draw(st.integers(0, 20))}")
        lines.append("  - {" + ", ".join(fields) + "}")
    return "\n".join(lines) + "\n"


def _brute_force_cycles(org):
    """Members of every reporting cycle, by following reports_to from everyone."""
    members = set()
    for start in org.people:
        seen, pid = [], start
        while pid is not None and pid in org.people and pid not in seen:
            seen.append(pid)
            pid = org.people[pid].reports_to
        if pid is not None and pid in seen:
            members |= set(seen[seen.index(pid):])
    return members


@settings(max_examples=150, deadline=None)
@given(org_texts())
def test_checker_never_crashes_and_findings_are_well_formed(text):
    org = load_text(text, "random.yaml")
    findings = check(org, select=["ALL"])
    for f in findings:
        assert f.code in RULES and f.person in org.people and f.line >= 4 and f.message
        assert all(r in org.people for r in f.related)


@settings(max_examples=100, deadline=None)
@given(org_texts())
def test_findings_are_deterministic(text):
    first = check(load_text(text), select=["ALL"])
    assert first == check(load_text(text), select=["ALL"])


@settings(max_examples=150, deadline=None)
@given(org_texts())
def test_every_reporting_cycle_is_found(text):
    org = load_text(text)
    cycles = [f for f in check(org, select=["ORG002"])]
    found = {f.person for f in cycles} | {r for f in cycles for r in f.related}
    assert found == _brute_force_cycles(org)


@settings(max_examples=100, deadline=None)
@given(org_texts(), st.data())
def test_a_planted_cycle_is_always_found(text, data):
    org = load_text(text)
    ids = list(org.people)
    ring = data.draw(st.lists(st.sampled_from(ids), min_size=1, max_size=len(ids), unique=True))
    lines = text.splitlines()
    for i, pid in enumerate(ring):
        row = 3 + int(pid[1:])
        fields = [f for f in lines[row][5:-1].split(", ") if not f.startswith("reports_to")]
        fields.append(f"reports_to: {ring[(i + 1) % len(ring)]}")
        lines[row] = "  - {" + ", ".join(fields) + "}"
    findings = check(load_text("\n".join(lines) + "\n"), select=["ORG002"])
    assert any({f.person, *f.related} == set(ring) for f in findings)


@settings(max_examples=150, deadline=None)
@given(org_texts())
def test_chain_rules_agree_with_a_brute_force_ancestor_scan(text):
    org = load_text(text)
    expected_prd007, expected_prd003 = set(), set()
    for person in org:
        chain = list(org.chain(person.id))
        if person.role.id == "senior_product_manager" and not any(m.role.is_product_leader for m in chain):
            expected_prd007.add(person.id)
        if person.role.on_product_ladder and any(
                m.role.on_product_ladder and m.role.rank < person.role.rank for m in chain):
            expected_prd003.add(person.id)
    assert {f.person for f in check(org, select=["PRD007"])} == expected_prd007
    assert {f.person for f in check(org, select=["PRD003"])} == expected_prd003


YAML_BITS = st.sampled_from([
    "org: X\n", "people:\n", "  - ", "{id: a, role: ceo}", "id: b\n", "    reports_to: a\n", "role: cto\n",
    "[", "]", "{", "}", ": ", "- ", "&x ", "*x ", "<<: *x\n", "!!str ", "!tag ", "'", '"', "#", "\n", "  ",
    "version: 2\n", "hired: 2020-13-45\n", "experience_years: -3\n", "status: open\n", "dotted_to: [a]\n",
    "roles: {r: {family: data}}\n", "teams: {t: {name: T}}\n", "team: t\n", "ignore: [PRD]\n", "\t", "~", "007",
    "\x00", "é", "reports:\n", "      - ", "---\n", "...\n", "? ", "%YAML 1.1\n",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(YAML_BITS, max_size=40).map("".join))
def test_any_text_loads_or_fails_with_positioned_problems_only(text):
    from orgmodel import OrgInputError

    try:
        org = load_text(text, "fuzz.yaml")
    except OrgInputError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.file == "fuzz.yaml" and problem.line >= 1 and problem.column >= 1 and problem.message
        return
    check(org, select=["ALL"])


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_load_or_fail_cleanly(data):
    from orgmodel import OrgInputError
    from orgmodel.sources.yaml import load_bytes

    try:
        load_bytes(data, "bytes.yaml")
    except OrgInputError as exc:
        assert all(p.line >= 1 and p.column >= 1 for p in exc.problems)


# -- the command, in this process, on hostile files ------------------------------------------------

#: Values that have broken a promise before, or are close to ones that did.
HOSTILE_VALUES = [
    "a", "b", "ceo", "cto", "product_manager", "open", "0", "86400", "-1", "1e9", "nan", "2024-01-01",
    "2024-02-30", "2024-01-01T09:00:00Z", "2024-1-1", '"x\\n"', '"a\\tb"', '"\\e[2J"', '"\\0"', "~", "[]", "{}",
    "[a]", "{a: b}", "'<<'", '"$x^2$"', "Zoë Çelik", "Δήμητρα", "Юлия", "'<b>&amp;</b>'", "PRD", "ORG",
    "*a", "&a x", "!!str x", "'::error file=x::pwned'",
]
#: Names that load, and that reports and charts must still show safely.
NAMES = ["Zoë Çelik", "Δήμητρα", "Юлия", '"Ann\\n::error file=x::pwned"', '"\\e[31mred"', "'<b>&amp;</b>'",
         '"$x^2$"', '"tab\\there"', "'O''Brien'", "x" * 300]
PERSON_FIELDS = ["id", "name", "role", "title", "reports_to", "dotted_to", "team", "hired", "experience_years",
                 "status", "ignore", "reports", "'<<'", "bogus"]


@st.composite
def hostile_org_texts(draw):
    """An org whose fields hold odd values: mostly readable YAML, often not a valid org."""
    lines = ["org: " + draw(st.sampled_from(["Fuzz", "'$\\frac{1}{2}$'", "Zoë", '"Ann\\n::error::x"', "~"]))]
    if draw(st.integers(0, 3)) == 0:
        lines.append("as_of: " + draw(st.sampled_from(HOSTILE_VALUES)))
    if draw(st.integers(0, 4)) == 0:
        lines.append("roles: {r: {family: " + draw(st.sampled_from(HOSTILE_VALUES)) + "}}")
    lines.append("people:")
    ids = ["a", "b", "c", "d"]
    for pid in ids[:draw(st.integers(1, 4))]:
        fields = [f"id: {pid}", "role: " + draw(st.sampled_from(["ceo", "cto", "product_manager", "zzz"]))]
        if draw(st.booleans()):
            fields.append(f"name: {draw(st.sampled_from(NAMES))}")
        for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2]))):
            fields.append(f"{draw(st.sampled_from(PERSON_FIELDS))}: {draw(st.sampled_from(HOSTILE_VALUES + ids))}")
        lines.append("  - {" + ", ".join(fields) + "}")
    return "\n".join(lines) + "\n"


def _replay(data: bytes, command: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        org, chart = Path(folder) / "org.yaml", Path(folder) / "chart.svg"
        org.write_bytes(data)
        args = ["check", str(org)] if command == "check" else ["render", str(org), "-o", str(chart)]
        outcome = run(args + ["--isolated"], str(org))
        assert outcome.ok, outcome.describe()
        if command == "render":
            assert chart.exists() == (outcome.exit_code == 0), outcome.stderr


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(hostile_org_texts(), st.lists(YAML_BITS, max_size=40).map("".join)).map(str.encode))
def test_check_on_any_yaml_exits_0_1_or_2_and_locates_every_input_error(data):
    _replay(data, "check")


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.binary(max_size=300), hostile_org_texts().map(str.encode).flatmap(
    lambda text: st.integers(0, len(text)).flatmap(
        lambda at: st.binary(min_size=1, max_size=4).map(lambda noise: text[:at] + noise + text[at:])))))
def test_check_on_any_bytes_exits_0_1_or_2_and_locates_every_input_error(data):
    _replay(data, "check")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_org_texts().map(str.encode))
def test_render_on_hostile_orgs_draws_or_fails_with_located_errors_and_no_file(data):
    _replay(data, "render")
