"""The role catalog: named roles with ranks and families, generic roles, and title inference.

A role has an id, a display title, a family and (on a ladder) a rank, higher
being more senior. The product ladder follows the seed documents (see
format.md); the other named roles cover the usual ladders of a company.

Every other title still gets a role: a *generic* role of its family and
rank band, with the id ``<family>_<band>`` (``finance_60`` is a finance
senior manager or staff specialist, ``operations_30`` a junior operations
role). Product management has named roles for every band but the entry
one, so its only generic role is ``product_20``.

Inference (``RoleCatalog.infer``), in order: a custom role's alias found in
the title wins; then a named role's alias equal to the title (or to the part
that names the job); then the title is read as a family and a band (see
``titles``) and mapped to the most specific named role of that family and
band (``vocabulary/ladders.csv``), else to the generic role.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .titles import (
    BANDS,
    MAX_TITLE_CHARS,
    MAX_WORDS,
    Reading,
    Vocabulary,
    band_of,
    normalise_title,
    read_title,
)

FAMILIES = ("executive", "product", "engineering", "design", "data", "research", "marketing", "sales", "customer",
            "people", "finance", "legal", "it", "operations", "other")

#: How each family is written in a generic role's title.
FAMILY_TITLES = {"it": "IT", "customer": "Customer success & support", "people": "People (HR)"}

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
    generic: bool = False

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


NAMED_ROLES: tuple[Role, ...] = (
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
    _role("product_operations", "Product Operations", "product", None, "Product Operations Manager",
          "Product Ops"),
    # Engineering
    _role("vp_engineering", "VP of Engineering", "engineering", 80, "Vice President of Engineering",
          "SVP Engineering"),
    _role("engineering_director", "Engineering Director", "engineering", 70, "Director of Engineering",
          "Senior Director of Engineering", "Head of Engineering"),
    _role("engineering_manager", "Engineering Manager", "engineering", 60, "EM", "Software Engineering Manager",
          "Senior Engineering Manager", "Development Manager"),
    _role("staff_engineer", "Staff Engineer", "engineering", 55, "Staff Software Engineer", "Principal Engineer",
          "Principal Software Engineer", "Tech Lead", "Technical Lead", "Software Architect"),
    _role("senior_software_engineer", "Senior Software Engineer", "engineering", 50, "Senior Engineer",
          "Senior Developer", "Senior SWE", "Senior Backend Engineer", "Senior Frontend Engineer"),
    _role("software_engineer", "Software Engineer", "engineering", 40, "Engineer", "Developer", "SWE", "SDE",
          "Software Developer", "Backend Engineer", "Frontend Engineer", "Full Stack Engineer",
          "Mobile Engineer", "QA Engineer", "DevOps Engineer", "Site Reliability Engineer", "SRE"),
    # Design
    _role("head_of_design", "Head of Design", "design", 70, "Design Director", "Director of Design"),
    _role("design_manager", "Design Manager", "design", 60, "UX Manager"),
    _role("product_designer", "Product Designer", "design", 40, "Designer", "UX Designer", "UI Designer",
          "UX/UI Designer", "UX Researcher", "User Researcher"),
    # Data
    _role("data_scientist", "Data Scientist", "data", 40, "Machine Learning Engineer", "ML Engineer",
          "Data Engineer"),
    _role("data_analyst", "Data Analyst", "data", 40, "Business Analyst", "BI Analyst"),
    # Marketing, sales, operations
    _role("marketing_manager", "Marketing Manager", "marketing", 50, "Product Marketing Manager", "PMM",
          "Growth Marketing Manager", "Content Marketing Manager"),
    _role("sales_manager", "Sales Manager", "sales", 50),
    _role("account_executive", "Account Executive", "sales", 40, "AE", "Sales Representative",
          "Account Manager", "Sales Development Representative", "SDR"),
    _role("operations_manager", "Operations Manager", "operations", 50, "Ops Manager", "Office Manager"),
)


def generic_role_id(family: str, band: int) -> str:
    return f"{family}_{band}"


def _generic_roles() -> tuple[Role, ...]:
    named_product_ranks = {r.rank for r in NAMED_ROLES if r.on_product_ladder}
    roles = []
    for family in FAMILIES:
        name = FAMILY_TITLES.get(family, family.capitalize())
        for band, level in BANDS.items():
            if family == "product" and band in named_product_ranks | {100}:
                continue
            roles.append(Role(generic_role_id(family, band), f"{name} ({level})", family, band, generic=True))
    return tuple(roles)


GENERIC_ROLES = _generic_roles()
BUILTIN_ROLES: tuple[Role, ...] = NAMED_ROLES + GENERIC_ROLES


@dataclass(frozen=True)
class TitleMatch:
    """What a title maps to, and why."""

    title: str
    normalised: str
    role: Role | None
    matched: str = ""
    exact: bool = False
    reading: Reading | None = None

    @property
    def generic(self) -> bool:
        return self.role is not None and self.role.generic

    def explain(self) -> str:
        if self.role is None:
            why = self.reading.reason if self.reading is not None else "no known title"
            return (f"title {self.title!r} reads as {self.normalised!r}: {why}; "
                    "set role: explicitly or add the title to a role's aliases")
        role = f"role {self.role.id} ({self.role.title})"
        if self.exact:
            return f"title {self.title!r} reads as {self.normalised!r}, a title of {role}"
        if self.matched:
            return (f"title {self.title!r} reads as {self.normalised!r}, which contains {self.matched!r}, "
                    f"a title of {role}")
        return f"title {self.title!r} reads as {self.reading.describe()}: {role}"


@dataclass
class RoleCatalog:
    """Roles by id, plus the alias indexes and the memo used for title inference."""

    roles: dict[str, Role] = field(default_factory=dict)
    _by_alias: dict[str, Role] = field(default_factory=dict, repr=False)
    _custom_alias: dict[str, Role] = field(default_factory=dict, repr=False)
    _longest_custom: int = field(default=0, repr=False)
    _longest_builtin: int = field(default=0, repr=False)
    _memo: dict[str, TitleMatch] = field(default_factory=dict, repr=False)

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
        preferred = set(prefer)
        self._by_alias, self._custom_alias = {}, {}
        for role in self.roles.values():
            if role.generic:
                continue
            index = self._custom_alias if (role.id in preferred or not role.builtin) else self._by_alias
            for text in (role.title, role.id.replace("_", " "), *role.aliases):
                key = " ".join(normalise_title(text).split()[:MAX_WORDS])
                if key:
                    index[key] = role
        self._longest_custom = max((len(k.split()) for k in self._custom_alias), default=0)
        self._longest_builtin = max((len(k.split()) for k in self._by_alias), default=0)
        self._memo = {}

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
        title = title[:MAX_TITLE_CHARS]
        match = self._memo.get(title)
        if match is None:
            match = self._memo[title] = self._infer(title)
        return match

    def _infer(self, title: str) -> TitleMatch:
        reading = read_title(title)
        normalised = reading.normalised
        words = normalised.split()
        custom = _longest_alias(words, self._custom_alias, self._longest_custom)
        if custom is not None:
            # A custom alias wins, unless a longer built-in title is in the title too:
            # "Senior Product Manager, Payments" stays senior when "Product Manager" is custom.
            builtin = _longest_alias(words, self._by_alias, min(self._longest_builtin, MAX_WORDS))
            phrase, role = custom
            if builtin is None or len(builtin[0].split()) <= len(phrase.split()):
                return TitleMatch(title, normalised, role, phrase, exact=phrase == normalised, reading=reading)
        # A grade ("Engineer III") says more than the alias of the title without it.
        aliases = () if reading.graded else (normalised, reading.function_segment)
        for text in aliases:
            role = self._by_alias.get(text)
            # "Intern, Backend Engineer", "VP, Head of Product": the job's segment names a role, but
            # the rest of the title says another level.
            if role is not None and (text == normalised or reading.band is None or role.rank is None
                                     or band_of(role.rank) == reading.band):
                return TitleMatch(title, normalised, role, "" if text == normalised else text,
                                  exact=text == normalised, reading=reading)
        return TitleMatch(title, normalised, self._role_for(reading), reading=reading)

    def _role_for(self, reading: Reading) -> Role | None:
        if not reading.known:
            return None
        ladders = Vocabulary.builtin().ladders
        for word in sorted(reading.words):
            role = self.roles.get(ladders.get((reading.stem, reading.band, word), ""))
            if role is not None:
                return role
        role = self.roles.get(ladders.get((reading.stem, reading.band, ""), ""))
        if role is not None:
            return role
        return self.roles.get(generic_role_id(reading.family, reading.band))


def _longest_alias(words: list[str], index: dict[str, Role], longest: int) -> tuple[str, Role] | None:
    """The longest run of words that is an alias; among equally long runs, the rightmost.

    Bounded: titles and aliases are at most MAX_WORDS words, so this is at most
    MAX_WORDS squared look-ups whatever the input.
    """
    for size in range(min(len(words), longest), 0, -1):
        for start in range(len(words) - size, -1, -1):
            phrase = " ".join(words[start:start + size])
            role = index.get(phrase)
            if role is not None:
                return phrase, role
    return None

