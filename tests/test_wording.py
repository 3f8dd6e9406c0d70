"""Every message and suggestion reads right for any role and any count.

Real orgs go through the real rules: for each role (vowel- and
consonant-initial titles) and each count 0, 1 and 2, an org is built in
which every rule that counts something counts exactly that many, and every
message and suggestion it gives is checked for "a"/"an" and for plurals.
"""

import re

import pytest

from orgmodel import RULES, check, load_text
from orgmodel.wording import article, people, plural, with_article

ROLES = {
    # role id: its title starts with...
    "engineering_manager": "a vowel",
    "executive_assistant": "a vowel",
    "account_executive": "a vowel",
    "operations_manager": "a vowel",
    "product_manager": "a consonant",
    "data_scientist": "a consonant",
}
COUNTS = (0, 1, 2)


def org_text(role: str, n: int) -> str:
    """An org where each rule that counts finds `n` of something, with `role` in every free seat."""
    lines = [
        "org: T",
        "as_of: 2026-01-01",
        "teams: {web: {name: Web}}",
        "people:",
        "  - {id: ceo, name: Cora Chief, role: ceo}",
        # SHP001 (max-span n-1), SHP003 (max-layers 1): a manager of n people of the role.
        f"  - {{id: m, name: Mia Stone, role: {role}, reports_to: ceo}}",
        *(f"  - {{id: m{i}, role: {role}, reports_to: m}}" for i in range(n)),
        # SHP004: a present person under an open seat of the role.
        f"  - {{id: seat, role: {role}, status: open, reports_to: ceo}}",
        f"  - {{id: sat, name: Sam Oak, role: {role}, reports_to: seat}}",
        f"  - {{id: seat2, name: Open Seat, role: {role}, status: open, reports_to: ceo}}",
        f"  - {{id: sat2, role: {role}, reports_to: seat2}}",
        # ORG001: n people name a manager who is not there; ORG003: a dotted line to nobody; ORG007: one to oneself.
        *(f"  - {{id: lost{i}, role: {role}, reports_to: '7'}}" for i in range(n)),
        f"  - {{id: dot, role: {role}, reports_to: ceo, dotted_to: [nobody, dot]}}",
        # ORG002: a cycle of n people (a cycle of one reports to themselves).
        *(f"  - {{id: cyc{i}, role: {role}, reports_to: cyc{(i + 1) % n}}}" for i in range(n)),
        # ORG004: n more tops; ORG005, ORG006: an unknown role and team.
        *(f"  - {{id: top{i}, role: {role}}}" for i in range(n)),
        "  - {id: odd, role: unheard_of_role, reports_to: ceo}",
        "  - {id: odd2, title: Chief Vibes Officer, reports_to: ceo}",
        f"  - {{id: teamless, role: {role}, team: nowhere, reports_to: ceo}}",
        # Product ladder under a VP (outside PRD011's count): PRD001 (n open PMs below a leader),
        # PRD002, PRD009 (n years), PRD012 (a junior PM managing n people), PRD003, PRD007, PRD008, PRD013.
        "  - {id: vp, role: vp_product, reports_to: m}",
        f"  - {{id: lead, role: head_of_product, reports_to: vp, hired: 2020-01-01, experience_years: {n}}}",
        *(f"  - {{id: open{i}, role: product_manager, status: open, reports_to: lead}}" for i in range(n)),
        "  - {id: lead2, role: head_of_product, reports_to: vp, hired: 2020-01-01}",
        "  - {id: spm, role: senior_product_manager, reports_to: lead2, hired: 2021-01-01}",
        "  - {id: jr, role: junior_product_manager, reports_to: spm}",
        *(f"  - {{id: jr{i}, role: {role}, reports_to: jr}}" for i in range(n)),
        "  - {id: inv, role: product_director, reports_to: spm}",
        "  - {id: jr2, role: associate_product_manager, reports_to: m}",
        "  - {id: spm2, role: senior_product_manager, reports_to: m}",
        # PRD004, PRD006: a head of product elsewhere; PRD011: n heads with no VP (min-heads n).
        *(f"  - {{id: head{i}, role: head_of_product, reports_to: dot}}" for i in range(n)),
        # PRD010: a manager of n product managers (min-team n).
        f"  - {{id: pmm, role: {role}, reports_to: ceo}}",
        *(f"  - {{id: pm{i}, role: product_manager, reports_to: pmm}}" for i in range(n)),
        # PRD005 fires on `vp`, who reports to m rather than the CEO.
    ]
    return "\n".join(lines) + "\n"


def options(n: int) -> dict:
    return {"max-span": max(n - 1, 0), "max-layers": 1, "min-head-experience-years": n + 1,
            "min-team": max(n, 1), "min-heads": max(n, 1)}


def findings_for(role: str, n: int):
    org = load_text(org_text(role, n), "org.yaml")
    return check(org, select=["ALL"], extend_select=["PRD013"], options=options(n))


# "1 people", "2 person", "1 direct reports", "0 year": a count, then a noun of the wrong number.
ONE_PLURAL = re.compile(r"(?<![\w.])1 (people|[a-z]+s)\b")
MANY_SINGULAR = re.compile(r"(?<![\w.])(0|[2-9]|\d\d+) (person|year|level|top|finding|error|warning|"
                           r"direct report|product team member|head of product)\b")
# "a Engineering Manager", "an Product Manager" (the titles here are all read as spelled).
WRONG_ARTICLE = re.compile(r"\b(a (?=[AEIOaeio])|an (?=[^AEIOUaeiou]))")


@pytest.mark.parametrize("role", sorted(ROLES))
@pytest.mark.parametrize("n", COUNTS)
def test_every_message_reads_right(role, n):
    findings = findings_for(role, n)
    for finding in findings:
        for text in (finding.message, finding.suggestion):
            assert not ONE_PLURAL.search(text), f"{finding.code}: {text}"
            assert not MANY_SINGULAR.search(text), f"{finding.code}: {text}"
            assert not WRONG_ARTICLE.search(text), f"{finding.code}: {text}"


def test_the_orgs_exercise_every_rule_and_every_count():
    """Guards the test above: every built-in rule fires, and the counted messages show 0, 1 and 2."""
    fired = set()
    shown = []
    for role in ROLES:
        for n in COUNTS:
            found = findings_for(role, n)
            fired |= {f.code for f in found}
            shown += [f.message for f in found]
    assert fired == set(RULES)
    text = "\n".join(shown)
    for expected in ("an Engineering Manager position", "an Executive Assistant position",
                     "a Product Manager position", "a Data Scientist position",
                     "has 1 direct report > max-span 0", "has 2 direct reports > max-span 1",
                     "so the 1 person below them is past", "so the 2 people below them are past",
                     "named as manager by 2 people",
                     "reporting cycle of 2 people", "has 0 years of experience", "has 1 year of experience",
                     "manages 1 person", "manages 2 people", "1 product team member", "2 product team members",
                     "Head of Product head0 has no VP of Product above them", "2 heads of product report up", "the org has 2 tops"):
        assert expected in text, expected


@pytest.mark.parametrize("phrase, expected", [
    ("Engineering Manager", "an"), ("Executive Assistant", "an"), ("Operations Manager", "an"),
    ("Product Manager", "a"), ("Head of Product", "a"), ("Chief Executive Officer", "a"),
    ("UX Designer", "a"), ("User Researcher", "a"), ("University Liaison", "a"), ("European Sales Lead", "a"),
    ("SRE", "an"), ("HR Business Partner", "an"), ("FP&A Analyst", "an"), ("MBA Intern", "an"),
    ("VP of Sales", "a"), ("CEO", "a"), ("Hourly Associate", "an"), ("honorary chair", "an"),
    ("8-person team", "an"), ("11-person team", "an"), ("7-person team", "a"), ("", "a"),
])
def test_article(phrase, expected):
    assert article(phrase) == expected
    assert with_article(phrase) == f"{expected} {phrase}"


def test_counts():
    assert [people(n) for n in (0, 1, 2)] == ["0 people", "1 person", "2 people"]
    assert [plural(n, "year") for n in (0, 1, 1.5)] == ["0 years", "1 year", "1.5 years"]


def test_large_counts_are_written_out_in_full():
    from orgmodel.wording import people, plural

    assert people(1_000_000) == "1000000 people"
    assert plural(2_500_000, "finding") == "2500000 findings"
    assert plural(1.5, "year") == "1.5 years"
