"""The role catalog: built-in ladders with ranks and families, and title inference.

A role has an id, a display title, a family and (on a ladder) a rank, higher
being more senior. The product ladder follows the seed documents (see
format.md); the other families cover the rest of a real company so that its
org file loads without custom roles.

Titles are matched after normalising them: lower case, punctuation and
filler words dropped, abbreviations spelled out ("Sr." -> senior, "PM" ->
product manager, "VP" -> vice president), level suffixes dropped ("II",
"L5"). A title matches a role when its normal form equals one of the role's
alias forms; failing that, the longest run of words inside the title that
is an alias wins ("Founder & CEO" -> ceo, "Product Manager, Payments" ->
product_manager).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

FAMILIES = ("executive", "product", "engineering", "design", "data", "marketing", "sales", "operations", "other")

#: The id given to a person whose role is in no catalog or cannot be inferred.
UNKNOWN = "unknown"

#: Product-ladder ranks that make someone a product leader or a team member (rules.md).
LEADER_MIN_RANK = 70
TEAM_MAX_RANK = 60


@dataclass(frozen=True, slots=True)
class Role:
    id: str
    title: str
    family: str
    rank: int | None = None
    aliases: tuple[str, ...] = ()
    builtin: bool = True

    @property
    def on_product_ladder(self) -> bool:
        return self.family == "product" and self.rank is not None

    @property
    def is_product_leader(self) -> bool:
        return self.on_product_ladder and self.rank >= LEADER_MIN_RANK

    @property
    def is_product_team_member(self) -> bool:
        return self.on_product_ladder and self.rank <= TEAM_MAX_RANK


def _role(id, title, family, rank, *aliases):
    return Role(id, title, family, rank, tuple(aliases))


BUILTIN_ROLES: tuple[Role, ...] = (
    # Executive team
    _role("ceo", "Chief Executive Officer", "executive", 100, "CEO", "Founder CEO", "Co-founder & CEO",
          "Managing Director", "President"),
    _role("cto", "Chief Technology Officer", "executive", 90, "CTO"),
    _role("cfo", "Chief Financial Officer", "executive", 90, "CFO"),
    _role("coo", "Chief Operating Officer", "executive", 90, "COO"),
    _role("cmo", "Chief Marketing Officer", "executive", 90, "CMO"),
    _role("executive_assistant", "Executive Assistant", "operations", 30, "EA", "Executive Assistant to the CEO"),
    # Product ladder (seed documents, format.md)
    _role("cpo", "Chief Product Officer", "product", 90, "CPO"),
    _role("vp_product", "VP of Product", "product", 80, "Vice President of Product",
          "VP of Product Management", "SVP Product", "EVP Product"),
    _role("head_of_product", "Head of Product", "product", 70, "Head of Product Management", "Product Head"),
    _role("product_director", "Product Director", "product", 70, "Director of Product",
          "Director of Product Management", "Senior Director of Product", "Product Management Director"),
    _role("group_product_manager", "Group Product Manager", "product", 60, "GPM", "Group PM"),
    _role("principal_product_manager", "Principal Product Manager", "product", 60, "Principal PM", "PPM",
          "Staff Product Manager", "Staff PM"),
    _role("product_lead", "Product Lead", "product", 60, "Lead Product Manager", "Lead PM"),
    _role("senior_product_manager", "Senior Product Manager", "product", 50, "Senior PM", "SPM"),
    _role("product_manager", "Product Manager", "product", 40, "PM", "Technical Product Manager"),
    _role("junior_product_manager", "Junior Product Manager", "product", 30, "Junior PM"),
    _role("associate_product_manager", "Associate Product Manager", "product", 30, "APM", "Associate PM"),
    _role("product_owner", "Product Owner", "product", None, "PO"),
    # Engineering
    _role("vp_engineering", "VP of Engineering", "engineering", 80, "Vice President of Engineering",
          "SVP Engineering", "Head of Engineering"),
    _role("engineering_director", "Engineering Director", "engineering", 70, "Director of Engineering",
          "Senior Director of Engineering"),
    _role("engineering_manager", "Engineering Manager", "engineering", 60, "EM", "Software Engineering Manager",
          "Senior Engineering Manager", "Development Manager"),
    _role("staff_engineer", "Staff Engineer", "engineering", 55, "Staff Software Engineer", "Principal Engineer",
          "Principal Software Engineer", "Tech Lead", "Technical Lead", "Architect", "Software Architect"),
    _role("senior_software_engineer", "Senior Software Engineer", "engineering", 50, "Senior Engineer",
          "Senior Developer", "Senior SWE", "Senior Backend Engineer", "Senior Frontend Engineer"),
    _role("software_engineer", "Software Engineer", "engineering", 40, "Engineer", "Developer", "SWE", "SDE",
          "Software Developer", "Backend Engineer", "Frontend Engineer", "Full Stack Engineer",
          "Mobile Engineer", "QA Engineer", "DevOps Engineer", "Site Reliability Engineer", "SRE",
          "Junior Software Engineer", "Junior Engineer", "Junior Developer"),
    # Design
    _role("head_of_design", "Head of Design", "design", 70, "VP of Design", "Design Director", "Director of Design"),
    _role("design_manager", "Design Manager", "design", 60, "UX Manager"),
    _role("product_designer", "Product Designer", "design", 40, "Designer", "UX Designer", "UI Designer",
          "UX/UI Designer", "Senior Product Designer", "UX Researcher", "User Researcher"),
    # Data
    _role("data_scientist", "Data Scientist", "data", 40, "Senior Data Scientist", "Machine Learning Engineer",
          "ML Engineer", "Data Engineer"),
    _role("data_analyst", "Data Analyst", "data", 40, "Senior Data Analyst", "Business Analyst", "BI Analyst"),
    # Marketing, sales, operations
    _role("marketing_manager", "Marketing Manager", "marketing", 50, "Product Marketing Manager", "PMM",
          "Growth Marketing Manager", "Content Marketing Manager"),
    _role("sales_manager", "Sales Manager", "sales", 50, "Head of Sales", "VP of Sales", "Sales Director"),
    _role("account_executive", "Account Executive", "sales", 40, "AE", "Sales Representative",
          "Account Manager", "Sales Development Representative", "SDR"),
    _role("operations_manager", "Operations Manager", "operations", 50, "Ops Manager", "People Operations Manager",
          "HR Manager", "Office Manager", "Recruiter"),
)

# Whole-word abbreviations, spelled out before matching.
_ABBREVIATIONS = {
    "sr": "senior", "snr": "senior", "jr": "junior", "jnr": "junior",
    "vp": "vice president", "svp": "vice president", "evp": "vice president", "avp": "vice president",
    "dir": "director", "mgr": "manager", "mngr": "manager", "eng": "engineering", "engr": "engineer",
    "pm": "product manager", "apm": "associate product manager", "gpm": "group product manager",
    "spm": "senior product manager", "ppm": "principal product manager", "swe": "software engineer",
    "sde": "software engineer", "mktg": "marketing", "ops": "operations", "hr": "human resources",
    "mgmt": "management", "prod": "product", "cofounder": "co founder",
}
_FILLER = frozenset({"of", "the", "and", "for", "to", "a", "an", "in", "at"})
_LEVEL = re.compile(r"^(?:i{1,3}|iv|v|vi{1,3}|\d|l\d+|level\d*|grade\d*)$")
_SPLIT = re.compile(r"[^0-9a-z]+")


def normalise_title(title: str) -> str:
    """The normal form titles and aliases are compared in (see the module docs)."""
    words: list[str] = []
    for raw in _SPLIT.split(title.lower().replace("&", " and ")):
        if not raw:
            continue
        expanded = _ABBREVIATIONS.get(raw, raw)
        for word in expanded.split():
            if word not in _FILLER:
                words.append(word)
    while len(words) > 1 and _LEVEL.match(words[-1]):
        words.pop()
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class TitleMatch:
    """What a title maps to, and why."""

    title: str
    normalised: str
    role: Role | None
    matched: str = ""
    exact: bool = False

    def explain(self) -> str:
        if self.role is None:
            return (f"title {self.title!r} reads as {self.normalised!r}, which contains no known title; "
                    "set role: explicitly or add the title to a role's aliases")
        role = f"role {self.role.id} ({self.role.title})"
        if self.exact:
            return f"title {self.title!r} reads as {self.normalised!r}, a title of {role}"
        return f"title {self.title!r} reads as {self.normalised!r}, which contains {self.matched!r}, a title of {role}"


@dataclass
class RoleCatalog:
    """Roles by id, plus the alias index used for title inference."""

    roles: dict[str, Role] = field(default_factory=dict)
    _by_alias: dict[str, Role] = field(default_factory=dict, repr=False)
    _longest_alias: int = field(default=1, repr=False)

    @classmethod
    def builtin(cls) -> RoleCatalog:
        return cls.from_roles(BUILTIN_ROLES)

    @classmethod
    def from_roles(cls, roles: Iterable[Role]) -> RoleCatalog:
        catalog = cls()
        for role in roles:
            catalog.roles[role.id] = role
        catalog._index()
        return catalog

    def extended(self, custom: Mapping[str, Role]) -> RoleCatalog:
        """A new catalog where ``custom`` adds roles or replaces built-in ones."""
        merged = dict(self.roles)
        merged.update(custom)
        catalog = RoleCatalog(merged)
        catalog._index(prefer=custom.keys())
        return catalog

    def _index(self, prefer: Iterable[str] = ()) -> None:
        # Built-in aliases first, then the preferred (custom) roles so they win clashes.
        preferred = set(prefer)
        ordered = [r for r in self.roles.values() if r.id not in preferred]
        ordered += [self.roles[i] for i in self.roles if i in preferred]
        self._by_alias = {}
        for role in ordered:
            for text in (role.title, role.id.replace("_", " "), *role.aliases):
                key = normalise_title(text)
                if key:
                    self._by_alias[key] = role
        self._longest_alias = max((len(k.split()) for k in self._by_alias), default=1)

    def __contains__(self, role_id: str) -> bool:
        return role_id in self.roles

    def __getitem__(self, role_id: str) -> Role:
        return self.roles[role_id]

    def get(self, role_id: str) -> Role | None:
        return self.roles.get(role_id)

    def __iter__(self):
        return iter(self.roles.values())

    def __len__(self) -> int:
        return len(self.roles)

    def infer(self, title: str) -> TitleMatch:
        """Map a free-text job title to a role (see the module docs for how)."""
        normalised = normalise_title(title)
        role = self._by_alias.get(normalised)
        if role is not None:
            return TitleMatch(title, normalised, role, normalised, exact=True)
        words = normalised.split()
        # Longest run of words first; among equally long runs, the rightmost,
        # since English titles end in their head noun ("Senior Director of Product").
        for size in range(min(len(words), self._longest_alias), 0, -1):
            for start in range(len(words) - size, -1, -1):
                phrase = " ".join(words[start:start + size])
                role = self._by_alias.get(phrase)
                if role is not None:
                    return TitleMatch(title, normalised, role, phrase)
        return TitleMatch(title, normalised, None)
