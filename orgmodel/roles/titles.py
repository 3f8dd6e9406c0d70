"""Reading a job title as a family and a level (format.md, "Families and levels").

A title is cut to a bounded length, lower-cased and split into segments at
commas, dashes, colons and parentheses ("Senior Backend Engineer, Plan",
"Production Technician - WC60", "Head of Product (EMEA)"). Words are spelled
out from the abbreviation table ("Sr." -> senior, "VP" -> vice president)
and matched, longest phrase first, against the vocabulary tables in
``vocabulary/``:

- ``functions.csv``: words that name what a person works on. A *head* names
  the job itself ("accountant", "developer"), a *weak* head names a job any
  family has ("project manager", "data analyst") and yields to a *domain*
  word ("IT Project Manager" is IT), a *rank* phrase carries its own level
  ("general counsel", "chief executive officer").
- ``levels.csv``: words that say how senior ("director", "manager",
  "intern"), and modifiers that move a level ("senior", "staff", "junior",
  "associate", "group").
- ``grades.csv``: trailing grades ("II", "L5").
- ``compounds.csv``: job words that end German compounds ("Personal|referentin").

Function beats word position: the family comes from the first segment that
names one, from its last head, else its domain word, else its last weak head
("VP, Product Marketing" is marketing, "Group Manager, Product Management" is
product). Words that serve any function ("office", "administration",
"programme", "project", "records") yield to another function wherever they
stand ("Director of Project Finance"); "operations", "support", "strategy",
"compliance", "policy" and "training" after another function serve it
("Computer Operations", "IT Compliance"). Of two other functions of different
families the last names the family only when it is sales, marketing,
analytics or hiring and HR ("Advertising Sales", "People Analytics", "Legal
Recruiting Manager"); otherwise, or when they
are joined by "and", "or" or "/", they compete and the title is ambiguous
("Safety Data Specialist", "Sales & Marketing Manager"). A word that names a
sector ("hotel", "medical", "automotive", "youth") names the family only when
no other function does ("Hotel Manager" is other, "Hotel Controller" finance,
"Medical Office Assistant" operations). A job word that manages whatever it is
given ("PM", "Program Manager"), and "product" alone, yield to a function of
another family named in a later segment: the title is then ambiguous ("Sr. PM,
Fulfillment"). A level missing from the function's segment, an entry level or a
lone modifier comes from the segments after it ("IT, Business Systems Analyst",
"Scientist - Apprentice", "Fin Anlyst,Asst"). A generic engineering word takes
the family of a data, IT, marketing, sales, customer or research function just
before it ("Data Integration Developer", "Product Marketing Engineer",
"Research Engineer") and is ambiguous after a people, finance or clinical one
("Talent Engineer"). "Staff" before a clinical, teaching or newsroom job says
employed, not the staff level ("Staff Nurse", "Staff Photographer"). An
executive named after a lesser job word, or after an office, is whom the person
serves, like the words after "to" ("Special Representative of the
Secretary-General"); a later segment naming whose unit it is ("Analyst -
Mayor's Office"), or the words after "at" or "@" ("Cloud Architect at Zencore"), name
no function. The bare words "product", "support" and
"strategy" name a family only at a leader's level ("Head of Product"), never
for "Product Specialist". "Technician", "tech", "technologist", "attendant",
"aide", "architect", "mechanic" and "inspector" say a level, not a family; two jobs joined
by "or", "/" or "and" that name different families are ambiguous ("Software
Engineer and Data Scientist"). A function every sector has ("design", "data",
"production", "programme", "customer") qualified by a word the vocabulary does
not read names no family ("Head of Energy Market Design"). A deputy of a
C-level officer is the deputy even with words between ("Deputy Government
CIO"). HR-system spellings are read: dotted initials ("V.P."), grades glued to
a word ("Manager2"), a last word cut short by a field length ("COORDIN"),
completed only when one level word starts so, and an abbreviation that is the
job itself ("Senior Dev", "Server Admin": no job word before it), as "Staff" at
the end is a staff member ("Finance Staff").

Work is linear in the title: at most ``MAX_TITLE_CHARS`` characters and
``MAX_WORDS`` words are read, and each word starts at most a fixed number of
dictionary look-ups.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import pairwise

#: Titles longer than this are cut before they are read: no real title is longer.
MAX_TITLE_CHARS = 200
#: At most this many words of a title (or an alias) are matched.
MAX_WORDS = 24

#: Rank bands, most senior first, with what each reads from (format.md).
BANDS = {
    100: "chief executive",
    90: "C-level",
    80: "vice president",
    70: "director / head",
    60: "senior manager / staff",
    50: "manager / senior / lead",
    40: "individual contributor",
    30: "junior / associate",
    20: "entry",
}



def band_of(rank: int | None) -> int | None:
    """The band a rank falls in: the lowest band at or above it (a staff engineer's 55 is in band 60)."""
    if rank is None:
        return None
    return next((band for band in sorted(BANDS) if rank <= band), max(BANDS))


_FILLER = frozenset({"of", "the", "for", "a", "an", "in", "on", "with"})
#: "and" is kept as this mark: it tells "Sales & Marketing" (two functions) from "Advertising Sales" (one).
AND = "&"
_SEGMENT_BREAK = re.compile(r"\s+[-\u2013\u2014]+\s+|[,;|:\[\]\u2013\u2014]|\bat\b")
_PARENTHESES = re.compile(r"\([^()]*\)?")
#: "Cloud Architect at Zencore", "Head of Mobile @ Theodo": what follows names the employer, not the job
#: (but a member at large, an attorney at law).
_AT_EMPLOYER = re.compile(r"(?<=\S)\s*@|\s+at\s+(?!(?:large|law|risk|home|sea|surgery)\b)")
_AMPERSAND_INITIALS = re.compile(r"\b([a-z]{1,2})&([a-z]{1,2})\b|\b([a-z]) & ([a-z])\b")
# Letters and digits of any script: a title in Cyrillic or Chinese is read as words too, so its
# aliases match (the vocabulary itself is English and German).
_WORD = re.compile(r"[^\W_]+")
_DOTTED_INITIALS = re.compile(r"\b[a-z](?:\.[a-z])+\b\.?")
_GLUED_GRADE = re.compile(r"\b([a-z]{3,})(\d+)\b")
_POSSESSIVE = re.compile(r"[a-z]['\u2019]s\b")
# German gender-inclusive spellings: "Referent:in", "Sachbearbeiter*innen", "Leiter/-in", "Mitarbeiter(in)",
# "ReferentIn". Read as the feminine form when the vocabulary reads that word or its masculine
# ("Manager/in"); "Persönliche:r" as the adjective.
_GENDER_SUFFIX = re.compile(r"\b([^\W\d_]+)(?:[:*_\u00b7]|/-?)((?i:in|innen))(?![\w-])|\b([^\W\d_]+)\(((?i:in|innen))\)"
                            r"|\b([^\W\d_]*[a-zäöüß])I(n|nen)\b")
_GENDER_ADJECTIVE = re.compile(r"(?<=[a-zäöüß])[:*_\u00b7]r\b")
_FUNCTION_KINDS = frozenset({"head", "weak", "domain", "rank", "tech"})
_LEVEL_KINDS = frozenset({"position", "entry", "modifier"})
_PLURAL_JOB_KINDS = _LEVEL_KINDS | {"head", "tech", "weak"}
#: Kinds of words that name a job (not "senior", which only moves a level).
_NAMES_A_JOB = frozenset({"head", "weak", "rank", "tech", "position", "alone"})
#: What names a job rather than only its function: "or" between two of them offers alternatives.
_JOB_KINDS = frozenset({"head", "weak", "rank", "tech", "position", "modifier"})
#: Families whose function before a generic engineering word leaves whose engineer it is open.
_NOT_ENGINEERING_FAMILIES = frozenset({"people", "finance", "other"})
_SELLING_FAMILIES = frozenset({"sales", "marketing"})
#: Hiring and HR words that, named after another function, say the work done for its people
#: ("Legal Recruiting", "Engineering Talent", "Plant HR"), as selling words do ("Advertising Sales").
_STAFFING = frozenset({"recruiting", "recruitment", "talent", "talent acquisition", "human resources", "personnel"})
#: Families of weak job words that manage whatever the title names: products, projects, programmes.
_MANAGED_FAMILIES = frozenset({"product", "operations"})
_SERVING_ANY = frozenset({"records", "administration", "administrative", "office", "program", "programme", "project",
                          "corporate services", "corporate support"})
#: Function words that serve another: "Help Desk Support" is IT, "Social Media Strategy" is marketing.
_SERVING_DOMAINS = frozenset({"support", "strategy", "compliance", "quality", "policy", "training", "delivery",
                              "service delivery", "helpdesk", "help desk",
                              "quality assurance", "quality control", "program management",
                              "programme management"}) | _SERVING_ANY
#: The stem of function words that name a sector ("hotel", "automotive", "youth"): they name the
#: family only when no other function word of the segment does ("Hotel Manager" but "Hotel Controller").
SECTOR = "sector"
#: Function words that serve a sector rather than name another function ("Youth Program Director");
#: office and records work stays administration ("Medical Office Assistant").
_SERVING_A_SECTOR = _SERVING_DOMAINS - {"records", "administration", "administrative", "office",
                                        "corporate services", "corporate support"}
#: Function words every sector has: what qualifies them ("Energy Market Design", "Arts Program") says whose.
_OPEN_DOMAINS = frozenset({"design", "data", "production", "program", "programme", "customer", "delivery",
                           "channel", "office support"})
_OVER_ENGINEER_FAMILIES = frozenset({"data", "it", "marketing", "sales", "customer", "research"})
_NO_RANK_STEMS = frozenset({"product_owner", "product_operations"})
#: Position words that manage or lead: beside a bare "product" ("Director of Product") they make product management.
_PRODUCT_LEADING = frozenset({"manager", "director", "senior director", "executive director", "vice president",
                              "senior vice president", "executive vice president", "assistant vice president",
                              "area vice president", "leader", "team lead", "team leader", "managing director",
                              "general manager", "president"})
#: Functions that serve "product" without managing it: "Head of Product Quality" is quality work on products.
_ONLY_PRODUCT_MANAGEMENT = "only product management titles reach the product ladder"
_SERVING_PRODUCT = frozenset({"quality", "quality assurance", "quality control", "training", "compliance", "safety"})
#: Function words that name a family alone only at a leader's level: "Head of Product" is product
#: management but "Product Specialist" is not; "Support Director" is customer support but a "Support
#: Specialist" may be IT or customer support. The stem each becomes, and examples of leaders.
_BARE_STEMS = {
    "product_bare": ("product_management", "Head of Product, VP Product"),
    "support_bare": ("", "Head of Support, Support Director"),
    "strategy_bare": ("", "Head of Strategy, Director of Strategy"),
}


@dataclass(frozen=True, slots=True)
class Phrase:
    """One row of a vocabulary table."""

    text: str
    kind: str
    family: str = ""
    band: int | None = None
    stem: str = ""
    op: str = ""


@dataclass(frozen=True)
class Vocabulary:
    phrases: dict[str, Phrase]
    abbreviations: dict[str, tuple[str, ...]]
    grades: dict[str, int | None]
    ladders: dict[tuple[str, int | None, str], str]
    longest: int
    compound_suffixes: tuple[str, ...] = ()
    #: Abbreviations that several jobs share ("PM": product, project or program manager), by their expansion.
    shared: dict[str, str] = field(default_factory=dict)
    #: Level words by their first letters, for titles an HR system cut short ("Coordin" -> "coordinator").
    truncated: dict[str, str] = field(default_factory=dict)
    #: What a word of the abbreviation table means when it is the job itself ("Odoo Dev", "Server Admin",
    #: "Finance Staff"; see job_at_end).
    at_end: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def split(self, word: str) -> tuple[str, ...]:
        """A word spelled out, or a compound cut before its job word ("Personalreferentin").

        German job titles join a function and a job word into one word; a known
        suffix is split off (and a linking "s" dropped: "Referatsleiter"), unless the
        whole word is in the vocabulary. At most one look-up per suffix: bounded.
        """
        if word in self.abbreviations:
            return self.abbreviations[word]
        if word in self.phrases:
            return (word,)
        masculine = self.phrases.get(word[:-2]) if word.endswith("in") else None
        if masculine is not None and masculine.kind in _PLURAL_JOB_KINDS:
            # "Managerin", "Account-Managerin": the feminine of a job word the vocabulary reads.
            return (word[:-2],)
        singular = self.phrases.get(word[:-1]) if word.endswith("s") else None
        if singular is not None and singular.kind in _PLURAL_JOB_KINDS:
            # "Sales Representatives", "Solutions Architects": a plural job word is the job in a list of posts.
            return (word[:-1],)
        if not word.endswith(self.compound_suffixes):  # one C-level test for the common case
            return (word,)
        for suffix in self.compound_suffixes:
            prefix = word[:-len(suffix)]
            if word.endswith(suffix) and len(prefix) >= 3:
                if prefix not in self.phrases and prefix.endswith("s") and prefix[:-1] in self.phrases:
                    prefix = prefix[:-1]
                return (prefix, suffix)
        return (word,)

    def job_at_end(self, raws: list[str], before: list[str]) -> tuple[str, ...] | None:
        """The job a word of the ``at_end`` column names as a segment's last word, when no job word comes before it.

        "Odoo Dev" is a developer, "Server Admin" an administrator and "Finance Staff"
        a staff member, but "Director of Community Dev" and "HR & Admin" name a
        department: there the word keeps its plain expansion.
        """
        if len(raws) > 1 and raws[-2] in ("and", "or"):
            return None
        if any((phrase := self.phrases.get(word)) is not None and phrase.kind in _NAMES_A_JOB for word in before):
            return None
        return self.at_end[raws[-1]]

    @classmethod
    @cache
    def builtin(cls) -> Vocabulary:
        abbreviations = {row["abbreviation"]: tuple(row["expansion"].split()) for row in _table("abbreviations")}
        phrases: dict[str, Phrase] = {}
        for row in _table("levels"):
            _add_phrase(phrases, abbreviations, Phrase(row["phrase"], row["kind"], band=_int(row["band"]), op=row["op"]))
        for row in _table("functions"):
            _add_phrase(phrases, abbreviations, Phrase(row["phrase"], row["kind"], row["family"], _int(row["band"]),
                                                       row["stem"]))
        grades = {row["grade"]: _int(row["band"]) for row in _table("grades")}
        ladders = {(row["stem"], _int(row["band"]), row["word"]): row["role"] for row in _table("ladders")}
        longest = max(len(key.split()) for key in phrases)
        # Longest suffix first, so "leiterin" is not cut as "leiter" + "in".
        suffixes = tuple(sorted((row["suffix"] for row in _table("compounds")), key=len, reverse=True))
        shared = {row["abbreviation"]: row["expansion"] for row in _table("abbreviations") if row["shared"]}
        at_end = {row["abbreviation"]: tuple(row["at_end"].split()) for row in _table("abbreviations") if row["at_end"]}
        return cls(phrases, abbreviations, grades, ladders, longest, suffixes, shared, _truncations(phrases), at_end)


def _truncations(phrases: dict[str, Phrase]) -> dict[str, str]:
    """Each cut of five letters or more of a one-word level word that is no word of the vocabulary ("general")."""
    cuts: dict[str, str] = {}
    known = {part for phrase in phrases for part in phrase.split()}
    for word, phrase in phrases.items():
        if phrase.kind in _LEVEL_KINDS and " " not in word:
            for end in range(5, len(word)):
                cut = word[:end]
                if cut not in known:
                    cuts[cut] = word if cuts.get(cut, word) == word else ""
    return {cut: word for cut, word in cuts.items() if word}


def _table(name: str) -> list[dict[str, str]]:
    text = resources.files(__package__).joinpath("vocabulary", f"{name}.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def _int(text: str) -> int | None:
    return int(text) if text.strip() else None


def _add_phrase(phrases: dict[str, Phrase], abbreviations, phrase: Phrase) -> None:
    key = " ".join(_words(phrase.text, abbreviations))
    phrases[key] = phrase


def _words(text: str, abbreviations, split=None, vocabulary: Vocabulary | None = None,
           before: list[str] | None = None) -> list[str]:
    words: list[str] = []
    raws = _WORD.findall(text)
    for index, raw in enumerate(raws):
        last = vocabulary is not None and index == len(raws) - 1 and raw in vocabulary.at_end
        job = vocabulary.job_at_end(raws, [*(before or ()), *words]) if last else None
        for word in job or (split(raw) if split else abbreviations.get(raw, (raw,))):
            if word == "and":
                words.append(AND)
            elif word not in _FILLER:
                words.append(word)
    return words


def segments_of(title: str, vocabulary: Vocabulary | None = None) -> list[list[str]]:
    """The title's segments as lists of normalised words (see the module docs)."""
    return [words for _part, words in _parts(title, vocabulary or Vocabulary.builtin())]


def _parts(title: str, vocabulary: Vocabulary) -> list[tuple[str, list[str]]]:
    """The title's segments: each one's text and its normalised words."""
    text = fold(_GENDER_ADJECTIVE.sub("r", _GENDER_SUFFIX.sub(lambda m: _feminine(m, vocabulary),
                                                                title[:MAX_TITLE_CHARS])))
    # "FP&A", "R&D", "R & D": initials joined by "&" are one abbreviation; elsewhere "&" is "and".
    # "V.P.", "S.V.P.": dotted initials are one abbreviation; "Manager2": a grade glued to its word.
    text = _DOTTED_INITIALS.sub(lambda m: m.group(0).replace(".", ""), text)
    text = _GLUED_GRADE.sub(r"\1 \2", text)
    text = _AMPERSAND_INITIALS.sub(lambda m: "".join(filter(None, m.groups())), text)
    text = text.replace("&", " and ").replace("+", " and ").replace("/", " or ")
    text = _AT_EMPLOYER.split(text, maxsplit=1)[0]
    outside = _PARENTHESES.sub(",", text)
    if _WORD.search(outside):
        text = outside
    segments, budget, before = [], MAX_WORDS, []
    for part in _SEGMENT_BREAK.split(text):
        words = _words(part, vocabulary.abbreviations, vocabulary.split, vocabulary, before)[:budget]
        if words:
            segments.append((part, words))
            before.extend(words)
            budget -= len(words)
        if budget <= 0:
            break
    if segments:
        # "SENIOR SOCIAL SERVICES COORDIN": an HR system cut the title's last word short.
        part, words = segments[-1]
        words[-1] = vocabulary.truncated.get(words[-1], words[-1])
    return segments


def _feminine(match: re.Match, vocabulary: Vocabulary) -> str:
    """ "Referent:in" as "Referentin" when the vocabulary reads that word (itself or as a compound's job)."""
    word = match.group(1) or match.group(3) or match.group(5)
    # "Sachbearbeiter*innen", a list of posts, reads as the job, as "Sales Representatives" does.
    feminine = word + "in"
    return feminine if vocabulary.split(fold(feminine))[-1] in vocabulary.phrases else match.group(0)


def fold(text: str) -> str:
    """Lower case without accents: "Gérant" and "Staatssekretär" read as "gerant" and "staatssekretar"."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


def normalise_title(title: str) -> str:
    """The normal form titles and aliases are compared in: words, no filler, no trailing grade."""
    vocabulary = Vocabulary.builtin()
    return _normal_form(segments_of(title, vocabulary), vocabulary)


def _normal_form(segments: list[list[str]], vocabulary: Vocabulary) -> str:
    words = [w for segment in segments for w in segment]
    while len(words) > 1 and words[-1] in vocabulary.grades:
        words.pop()
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class _Match:
    phrase: Phrase
    position: int
    size: int = 1


@dataclass(frozen=True)
class Reading:
    """What a title's words say: a family, a rank band and the words that decided them."""

    title: str
    normalised: str
    family: str | None = None
    band: int | None = None
    stem: str = ""
    family_words: str = ""
    level_words: tuple[str, ...] = ()
    words: frozenset[str] = field(default_factory=frozenset)
    function_segment: str = ""
    reason: str = ""
    #: Whether a grade ("III", "L5") set the level.
    graded: bool = False

    @property
    def known(self) -> bool:
        return self.family is not None and (self.band is not None or self.stem in _NO_RANK_STEMS)

    def describe(self) -> str:
        if not self.known:
            return self.reason
        level = ("no rank" if self.band is None
                 else f"level {self.band} ({BANDS[self.band]})")
        said = f" from {', '.join(repr(w) for w in self.level_words)}" if self.level_words else ""
        return f"family {self.family} from {self.family_words!r}, {level}{said}"


def _match_phrases(words: list[str], vocabulary: Vocabulary) -> list[_Match]:
    """Longest vocabulary phrase first, left to right: at most ``longest`` look-ups per word."""
    found, i = [], 0
    while i < len(words):
        for size in range(min(vocabulary.longest, len(words) - i), 0, -1):
            phrase = vocabulary.phrases.get(" ".join(words[i:i + size]))
            if phrase is not None:
                found.append(_Match(phrase, i, size))
                i += size
                break
        else:
            i += 1
    return found


def read_title(title: str, vocabulary: Vocabulary | None = None) -> Reading:
    """Read a free-text job title as a family and a level band (see the module docs)."""
    vocabulary = vocabulary or Vocabulary.builtin()
    parts = _parts(title, vocabulary)
    segments = [words for _part, words in parts]
    normalised = _normal_form(segments, vocabulary)
    # "Analyst - Mayor's Office": a later segment that names whose unit it is names no function.
    segments = [words for index, (part, words) in enumerate(parts) if index == 0 or not _POSSESSIVE.search(part)]
    if not segments:
        return Reading(title, normalised, reason="the title has no words orgmodel reads (letters or digits)")
    segments, assistant_to = _cut_at_to(segments)
    segments, grade, grade_word = _take_grades(segments, vocabulary)
    matched = [_match_phrases(words, vocabulary) for words in segments]
    segments, matched = _cut_at_whom_served(segments, matched)
    function_at = next((i for i, found in enumerate(matched)
                        if any(m.phrase.kind in _FUNCTION_KINDS for m in found)), None)
    considered = matched if function_at is None else matched[:function_at + 1]
    words_seen = frozenset(w for words in segments[:len(considered)] for w in words)
    base = Reading(title, normalised, words=words_seen)

    chosen = None
    if function_at is not None:
        segment_words = segments[function_at]
        chosen = _choose_function(matched[function_at], segment_words)
        if chosen is not None:
            # "Deputy Government CIO": a deputy of a C-level officer, with words between, is the deputy
            # (its function's family; "deputy" still takes the level one band down).
            chosen = _deputy_of(chosen, matched[function_at], segment_words, vocabulary) or chosen
        if _chief_officer(segment_words) and not (chosen and chosen.phrase.kind == "rank" and (chosen.phrase.band or 0) >= 90):
            # "Chief Revenue Officer", "Chief Marketing and Strategy Officer": a chief officer of
            # known functions is C-level; a chief clinical officer heads a profession ("Chief
            # Veterinary Officer" is other 90).
            family = "other" if chosen and chosen.phrase.family == "other" else "executive"
            chosen = _Match(Phrase(" ".join(segment_words), "rank", family, 90), chosen.position if chosen else 0)
        if chosen is None:
            domains = [m.phrase.text for m in matched[function_at] if m.phrase.kind == "domain"]
            both = _jobs_of_two_families(matched[function_at], segment_words)
            if both:
                return _replace(base, reason=f"the title names two jobs of different families "
                                             f"({' and '.join(map(repr, both))})")
            if len(domains) < 2:
                return _replace(base, reason="the title qualifies its job with words orgmodel does not read")
            return _replace(base, reason=f"the title names several families ({', '.join(map(repr, domains))}) "
                                         "and no job word to choose between them")
        unread = _unread_words(matched[function_at], segment_words, before=chosen.position)
        if chosen.phrase.kind == "domain" and chosen.phrase.text in _OPEN_DOMAINS and unread:
            return _replace(base, reason=f"the title qualifies its function {chosen.phrase.text!r} with words "
                                         f"orgmodel does not read ({', '.join(map(repr, unread))})")
        alternatives = _alternative_families(matched[function_at], segment_words)
        if alternatives:
            return _replace(base, reason=f"the title names alternative jobs of different families "
                                         f"({' or '.join(map(repr, alternatives))})")
        other = _other_family_after(chosen, matched[function_at + 1:], _shared_jobs(title, vocabulary))
        # "Group Manager, Product, Data Science": "product" as a segment of its own after its
        # level is the function, and the next segment the product area it manages.
        product_segment = (chosen.phrase.stem == "product_bare" and function_at > 0 and segment_words == ["product"]
                           and not _names_a_function_with(["product"], segments[function_at + 1:], vocabulary))
        if other and not product_segment:
            return _replace(base, reason=f"{chosen.phrase.text!r} is a job of several families and the title "
                                         f"goes on to name another one ({other!r})")
    elif segments and _chief_officer(segments[0]):
        # "Chief Happiness Officer": Chief X Officer is C-level even when X names no family.
        chosen, function_at = _Match(Phrase(" ".join(segments[0]), "rank", "executive", 90), 0), 0
        considered = matched[:1]

    default_band = None
    if chosen is not None:
        # A domain word names the family; the job word beside it ("Production Technician") the level.
        default_band = chosen.phrase.band or next((m.phrase.band for m in reversed(matched[function_at])
                                                   if m.phrase.kind in ("head", "weak", "tech") and m.phrase.band), None)
    band, level_words, entry = _level(considered, chosen, default_band)
    if chosen is not None:
        # "IT, Business Systems Analyst", "Scientist - Apprentice": a level missing from the function's
        # segment, or an entry level, comes from the segments after it that name no other family
        # ("Wine Sales, Cashiers" stops at the cashiers).
        same = list(considered)
        for found in matched[function_at + 1:]:
            if any(m.phrase.kind in _FUNCTION_KINDS and m.phrase.family != chosen.phrase.family for m in found):
                break
            same.append(found)
        later = [m for found in same[len(considered):] for m in found]
        if band is None or any(m.phrase.kind in ("entry", "modifier") for m in later):
            later_band = next((m.phrase.band for m in reversed(later)
                               if m.phrase.kind in ("head", "weak", "tech") and m.phrase.band), None)
            band, level_words, entry = _level(same, chosen, default_band or later_band)
    alone = [m for found in considered for m in found if m.phrase.kind == "alone"]
    if assistant_to:
        return _replace(base, family="operations", band=30, stem="executive_assistant",
                        family_words="assistant to", level_words=("assistant",))
    if chosen is None:
        # "Founder/President": two words that each say chief executive, either way.
        unmatched = (sum(len(words) - words.count(AND) - words.count("or") for words in segments)
                     > sum(m.size for found in matched for m in found))
        if alone and not unmatched and not any(m.phrase.kind in ("position", "entry", "modifier")
                                               and m.phrase.op != "group" for f in matched for m in f):
            # "President", "Founder", "Owner" with nothing else, or of the group ("Group Managing
            # Director"): the chief executive.
            return _replace(base, family="executive", band=100, stem="ceo",
                            family_words=alone[0].phrase.text, level_words=(alone[0].phrase.text,))
        # The level its words say is kept, for a roles stub ("Abteilungsleitung" is 70 of some family).
        return _replace(base, band=band, level_words=level_words,
                        reason="no word of the title names a job family (function)")
    phrase = chosen.phrase
    family, stem = phrase.family, "" if phrase.stem == SECTOR else phrase.stem
    # "President, Sales", "Vice Chancellor for Research", "Managing Director, Operations": the chief
    # executive's word with a function is its vice president.
    heads_a_function = next((m.phrase.text for m in alone
                             if m.phrase.text in ("president", "vice chancellor", "managing director")), None)
    if heads_a_function and (band is None or band < 80) and not entry:
        band, level_words = 80, level_words + (heads_a_function,)
    function_segment = " ".join(segments[function_at])
    if stem in _NO_RANK_STEMS:
        return _replace(base, family=family, band=None, stem=stem, family_words=phrase.text,
                        function_segment=function_segment)
    if band is None:
        return _replace(base, family=family, stem=stem, family_words=phrase.text, function_segment=function_segment,
                        reason=f"the title names family {family} ({phrase.text!r}) but no level")
    if stem == "product_management" and phrase.kind != "rank":
        # "PM Technician" is a preventive-maintenance technician: a product manager followed by another
        # job, as the segment's last word, is not product management ("Product Manager Agent Tools" is).
        job_after = next((m.phrase.text for m in matched[function_at]
                          if m.position > chosen.position and m.position + m.size == len(segments[function_at])
                          and m.phrase.kind == "position" and m.phrase.text not in _PRODUCT_LEADING
                          and AND not in segments[function_at][chosen.position:m.position]), "")
        if job_after:
            return _replace(base, reason=f"{phrase.text!r} is followed by another job ({job_after!r}); "
                                         f"{_ONLY_PRODUCT_MANAGEMENT}")
    if stem in _BARE_STEMS:
        stem, leaders = _BARE_STEMS[stem]
        other_job = next((m.phrase.text for found in considered for m in found
                          if m.phrase.kind in ("head", "weak", "tech") and m.phrase.family != family), "")
        if other_job:
            # "Product Controller": a job of another family beside the bare word leaves it open.
            return _replace(base, reason=f"{phrase.text!r} alone names no family beside the job "
                                         f"{other_job!r}; this title is ambiguous")
        if stem == "product_management":
            # Below a leader's level, what "product" qualifies must be read ("Head of Product Payments"
            # heads product for payments; "Lead - Product Release" may be any family's).
            unread = _unread_after(matched[function_at], segments[function_at], chosen) if band < 70 else []
            doubt = _not_product_management(phrase, considered, unread)
            if doubt:
                return _replace(base, reason=doubt)
        if band < 60 and "lead" not in words_seen:
            return _replace(base, reason=f"{phrase.text!r} alone names a family only for leaders ({leaders}); "
                                         "this title is ambiguous")
    if grade is not None and not _seniority_said(considered) and band <= 50:
        band, level_words = grade, level_words + (grade_word,)
        graded = True
    else:
        graded = False
    if stem == "product_management":
        band = min(band, 90)
    return _replace(base, family=family, band=band, stem=stem, family_words=phrase.text,
                    level_words=level_words, function_segment=function_segment, graded=graded)


def _cut_at_to(segments: list[list[str]]) -> tuple[list[list[str]], bool]:
    """Drop the words after "to" and the segments after them; say whether the job was "assistant to".

    "Assistant to the CFO", "Chief of Staff to the CEO": the words after "to" name whom a
    person serves, not their own job ("go to market" is one phrase).
    """
    for index, words in enumerate(segments):
        cut = next((i for i in range(1, len(words) - 1) if words[i] == "to" and words[i - 1] != "go"), None)
        if cut is not None:
            return segments[:index] + [words[:cut]], words[cut - 1] == "assistant"
    return segments, False


def _cut_at_whom_served(segments: list[list[str]], matched: list[list[_Match]]):
    """Drop an executive named after a lesser job word, and what follows it, as "to" does.

    "Special Representative of the Secretary-General", "Senior Adviser of the CEO": the
    executive is whom the person serves, as is one whose office is named ("Director, Office of the
    Under-Secretary-General"). "EVP & CFO" keeps both: a vice president is not lesser;
    "General Manager & CEO" and "Finance Director / CFO" hold both jobs.
    """
    for index, found in enumerate(matched):
        for i, match in enumerate(found):
            if match.phrase.kind == "rank" and match.phrase.family == "executive" and any(
                    (m.phrase.text == "office" or m.phrase.kind in ("position", "head", "weak", "modifier", "rank")
                     and m.phrase.band is not None and m.phrase.band < 80)
                    and not {AND, "or"} & set(segments[index][m.position:match.position])
                    for m in found[:i]):
                words = segments[index][:match.position]
                return segments[:index] + [words], matched[:index] + [found[:i]]
    return segments, matched


def _take_grades(segments: list[list[str]], vocabulary: Vocabulary) -> tuple[list[list[str]], int | None, str]:
    """Remove grade words ("II", "L5") from segments of more than one word; the last banded one counts."""
    grade, grade_word, kept_segments = None, "", []
    for words in segments:
        kept = [w for w in words if w not in vocabulary.grades or len(words) == 1]
        for word in words:
            if word in vocabulary.grades and len(words) > 1 and vocabulary.grades[word] is not None:
                grade, grade_word = vocabulary.grades[word], word
        if kept:
            kept_segments.append(kept)
    return kept_segments or segments, grade, grade_word


def _unread_words(found: list[_Match], words: list[str], before: int) -> list[str]:
    """The words just before position ``before`` that no vocabulary phrase covers."""
    return _unread_run(found, words, range(before - 1, -1, -1))[::-1]


def _unread_after(found: list[_Match], words: list[str], chosen: _Match) -> list[str]:
    """The words just after ``chosen`` that no vocabulary phrase covers, up to the next read word."""
    return _unread_run(found, words, range(chosen.position + chosen.size, len(words)))


def _unread_run(found: list[_Match], words: list[str], positions: range) -> list[str]:
    """The words at ``positions``, in that order, until one a phrase covers, a joining word or a number."""
    covered = {i for m in found for i in range(m.position, m.position + m.size)}
    unread = []
    for i in positions:
        if i in covered or words[i] in (AND, "or") or words[i].isdigit():
            break
        unread.append(words[i])
    return unread


def _not_product_management(phrase: Phrase, considered: list[list[_Match]], unread_after: list[str]) -> str:
    """Why a title whose function is "product" alone is not product management, or "" when it is."""
    if unread_after:
        return (f"{phrase.text!r} is followed by words orgmodel does not read "
                f"({', '.join(map(repr, unread_after))}); this title is ambiguous")
    matches = [m for found in considered for m in found]
    # "Head of Product Quality", "Product Compliance Manager": quality, training, compliance or safety
    # work on products.
    served = next((m.phrase.text for m in matches if m.phrase.kind == "domain" and m.phrase.text in _SERVING_PRODUCT),
                  "")
    if served:
        return f"{phrase.text!r} with {served!r} names no family; {_ONLY_PRODUCT_MANAGEMENT}"
    # "Product Architect", "Product Consultant": a job beside "product" that neither manages nor leads it.
    other = next((m.phrase.text for m in matches
                  if m.phrase.kind == "position" and m.phrase.text not in _PRODUCT_LEADING), "")
    if other:
        return f"{phrase.text!r} beside {other!r} names no family; {_ONLY_PRODUCT_MANAGEMENT}"
    return ""


def _names_a_function_with(words: list[str], later: list[list[str]], vocabulary: Vocabulary) -> bool:
    """Whether ``words`` and the start of the next segment are one vocabulary phrase: "Director, Product,
    Marketing" is a product marketing director, not a product director for marketing."""
    following = later[0] if later else []
    return any(" ".join(words + following[:size]) in vocabulary.phrases for size in range(1, len(following) + 1))


def _joined_by_and(words: list[str], first: _Match, second: _Match) -> bool:
    """Whether "and", "&", "or" or "/" stands between two matches ("Sales & Marketing", "Sales/Marketing")."""
    between = words[first.position + first.size:second.position]
    return AND in between or "or" in between


def _choose_function(found: list[_Match], words: list[str]) -> _Match | None:
    """The match that names the family of a segment, or None when it is ambiguous.

    The last job word ("accountant") wins, else the function word ("Head of *Marketing*";
    of two, the last, "Advertising *Sales*", but "Computer Operations" is IT), else the last
    job word any family has ("project manager"). Two functions joined by "and" with no job
    word ("Sales & Marketing Manager") are ambiguous.
    """
    if any(m.phrase.kind in _FUNCTION_KINDS and m.phrase.stem != SECTOR and m.phrase.text not in _SERVING_A_SECTOR
           for m in found):
        found = [m for m in found if m.phrase.stem != SECTOR]  # "Hotel Controller" is finance
    strong = [m for m in found if m.phrase.kind in ("head", "rank", "tech")]
    domains = [m for m in found if m.phrase.kind == "domain"]
    weak = [m for m in found if m.phrase.kind == "weak"]
    if not strong and len({m.phrase.family for m in domains}) > 1:
        # "Finance and Administration Officer", "Director of Project Finance", "Office of Human
        # Resources": these serve any function, wherever they stand.
        serving = [m for m in domains if m.phrase.text in _SERVING_ANY]
        if len(serving) < len(domains):
            domains = [m for m in domains if m not in serving]
        while len(domains) > 1 and domains[-1].phrase.stem == "operations":
            domains = domains[:-1]  # "Sales & Operations"
        if any(a.phrase.family != b.phrase.family and _joined_by_and(words, a, b) for a, b in pairwise(domains)):
            return None  # "Sales & Marketing Manager": two functions side by side
        # "Advertising Sales", "Computer Operations": the last function word is the head, but
        # "operations" of something is that something's operations ("HR Records Administration").
        while len(domains) > 1 and (domains[-1].phrase.stem == "operations"
                                    or domains[-1].phrase.text in _SERVING_DOMAINS):
            domains = domains[:-1]
        last = domains[-1]
        if (last.phrase.family in _SELLING_FAMILIES or last.phrase.text in _STAFFING or last.phrase.text == "analytics"
                or len({m.phrase.family for m in domains}) == 1):
            return last  # "Advertising Sales", "People Analytics": what is sold or analysed, then the work
        return None  # "Safety Data", "Pharmacy Innovation": two functions compete
    chosen = strong[-1] if strong else domains[0] if domains else weak[-1]
    if _jobs_of_two_families(found, words):
        return None  # "Software Engineer and Data Scientist": which family is the person's?
    if (chosen.phrase.kind == "rank" and chosen.phrase.family == "executive" and (chosen.phrase.band or 0) < 100
            and not _chief_officer(chosen.phrase.text.split())):
        # "Assistant Secretary-General for Legal Affairs": the rank gives the level, the field the family
        # (a CFO "Defence Infrastructure Organisation" stays the CFO).
        chosen = next((m for m in domains if m.position > chosen.position), chosen)
    if chosen.phrase.kind == "tech":
        # "Data Integration Developer", "Information Systems Architect", "Product Marketing
        # Engineer": the function just before the generic engineering word says more.
        before = [m for m in domains if m.position < chosen.position]
        while len(before) > 1 and before[-1].phrase.text in _SERVING_DOMAINS:
            before = before[:-1]  # "IT Compliance Engineer"
        if before and before[-1].phrase.family in _OVER_ENGINEER_FAMILIES:
            chosen = before[-1]
        elif before and before[-1].phrase.family in _NOT_ENGINEERING_FAMILIES:
            return None  # "Operations Engineer", "Talent Engineer": whose engineer is it?
    return chosen


def _jobs_of_two_families(found: list[_Match], words: list[str]) -> tuple[str, str] | None:
    """Two job words of different families joined by "and" ("Software Engineer and Data Scientist")."""
    jobs = [m for m in found if m.phrase.kind in ("head", "tech")]
    return next(((a.phrase.text, b.phrase.text) for a, b in pairwise(jobs)
                 if a.phrase.family != b.phrase.family and AND in words[a.position + a.size:b.position]), None)


def _alternative_families(found: list[_Match], words: list[str]) -> tuple[str, str] | None:
    """The job words either side of "or" (or "/") when they do not name one family ("Medical Assistant or Receptionist")."""
    if "or" not in words:
        return None
    split = words.index("or")
    jobs = [m for m in found if m.phrase.kind in _JOB_KINDS]
    before = [m for m in jobs if m.position < split]
    after = [m for m in jobs if m.position > split]
    if not (before and after):
        return None
    families = [next((m.phrase.family for m in reversed(side) if m.phrase.kind in _FUNCTION_KINDS), "")
                for side in (before, after)]
    # "Programmer/Analyst": a level word alone, with no family of its own, offers no other family.
    level_only = [not family and all(m.phrase.kind in _LEVEL_KINDS for m in side) and len(side) == len(words_of)
                  for family, side, words_of in zip(families, (before, after), (words[:split], words[split + 1:]))]
    if families[0] != families[1] and not any(level_only):
        return before[-1].phrase.text, after[-1].phrase.text
    return None


def _deputy_of(chosen: _Match, found: list[_Match], words: list[str], vocabulary: Vocabulary) -> _Match | None:
    """The deputy of the C-level officer ``chosen`` when "deputy" stands before it ("and" not between)."""
    if chosen.phrase.kind != "rank" or not any(m.phrase.text == "deputy" and m.position < chosen.position
                                               and AND not in words[m.position:chosen.position] for m in found):
        return None
    phrase = vocabulary.phrases.get(f"deputy {chosen.phrase.text}")
    return _Match(phrase, chosen.position, chosen.size) if phrase is not None else None


def _chief_officer(words: list[str]) -> bool:
    """"Chief ... Officer" with at most four words between, alone or before "and" ("Chief Legal Officer & Secretary",
    "Chief Diversity Equity and Inclusion Officer")."""
    if AND in words[1:]:
        words = words[:words.index(AND, 1)] if words[-1] != "officer" else words
    # "EVP Chief Risk Officer": a bank's C-level officers carry their corporate rank before the office;
    # "Group Chief Compliance Officer" is the C-level officer of a group of companies.
    for rank in (["executive", "vice", "president"], ["senior", "vice", "president"], ["vice", "president"], ["group"]):
        if words[:len(rank)] == rank:
            words = words[len(rank):]
            break
    # "Chief Officer" alone names no function (a ship's or a council's chief officer).
    return (3 <= len(words) <= 6 and words[0] == "chief" and words[-1] == "officer") if words else False


def _shared_jobs(title: str, vocabulary: Vocabulary) -> frozenset[str]:
    """The expansions of the title's abbreviations that several jobs share ("PM")."""
    if not vocabulary.shared:
        return frozenset()
    return frozenset(vocabulary.shared[word] for word in _WORD.findall(fold(title[:MAX_TITLE_CHARS]))
                     if word in vocabulary.shared)


def _other_family_after(chosen: _Match, later: list[list[_Match]], shared: frozenset[str]) -> str:
    """The function word of another family in a later segment, when the job word is one any family has
    or "product" alone.

    "Sr. PM, Fulfillment": a PM may manage products, projects or programmes, and fulfillment
    is not product management; "Project Manager, Payments" names no other function.
    """
    managing = chosen.phrase.kind == "weak" and chosen.phrase.family in _MANAGED_FAMILIES
    # "Deputy Director Product, Process Owner and Policy": "product" alone is as open.
    if not (managing or chosen.phrase.text in shared or chosen.phrase.stem == "product_bare"):
        return ""
    return next((m.phrase.text for found in later for m in found
                 if m.phrase.kind in ("domain", "head") and m.phrase.family != chosen.phrase.family), "")


def _replace(reading: Reading, **changes) -> Reading:
    return Reading(**{**reading.__dict__, **changes})


def _seniority_said(considered: list[list[_Match]]) -> bool:
    return any(m.phrase.kind in ("modifier", "entry") for found in considered for m in found)


def _follows(found: list[_Match], index: int) -> bool:
    """Whether a job word (head, position) follows match ``index`` in its segment."""
    return any(m.phrase.kind in ("head", "weak", "rank", "tech", "position") for m in found[index + 1:])


def _level(considered: list[list[_Match]], chosen: _Match | None, default_band: int | None):
    """The band the level words give, the words that gave it, and whether it is an entry level."""
    positions: list[tuple[int, str]] = []
    modifiers: list[Phrase] = []
    entry = None
    for index, found in enumerate(considered):
        # "Fin Anlyst,Asst", "Cust Svc Rep,Sr": a segment of modifiers alone qualifies the job before it.
        qualifier = index > 0 and all(m.phrase.kind == "modifier" for m in found)
        for i, match in enumerate(found):
            phrase = match.phrase
            if phrase.kind == "entry":
                entry = phrase
            elif phrase.kind == "position" or (phrase.kind == "rank" and phrase.band is not None):
                positions.append((phrase.band, phrase.text))
            elif phrase.kind == "modifier":
                if phrase.band is not None and not _follows(found, i) and not qualifier:
                    positions.append((phrase.band, phrase.text))
                else:
                    modifiers.append(phrase)
    if chosen is not None and chosen.phrase.kind == "rank" and chosen.phrase.band is not None:
        positions.append((chosen.phrase.band, chosen.phrase.text))
    if entry is not None:
        return 20, (entry.text,), True
    if positions:
        band, word = max(positions)
        words = [word]
    elif default_band is not None:
        band, words = default_band, []
    else:
        return None, (), False
    for modifier in modifiers:
        if modifier.op == "up" and words and words[0] in _LEAD_WORDS:
            continue  # "Senior Team Lead": a lead is already the senior band (format.md)
        if modifier.text == "staff" and chosen is not None and (
                chosen.phrase.family == "other" or chosen.phrase.text in _NEWSROOM_STAFF_JOBS):
            continue  # "Staff Nurse", "Staff Photographer": one of the clinical or newsroom staff, no higher level
        band = _MODIFIERS[modifier.op](band)
        words.append(modifier.text)
    return max(20, min(100, band)), tuple(words), False


_LEAD_WORDS = frozenset({"lead", "leader", "team lead", "team leader"})
#: Newsroom jobs of other families whose "staff" says employed rather than freelance, not the staff
#: level of a career ladder (reporters, journalists and cartoonists are family other, kept so by the
#: clinical and teaching rule).
_NEWSROOM_STAFF_JOBS = frozenset({"photographer", "videographer", "writer", "illustrator", "editor"})


_MODIFIERS = {
    "up": lambda band: band + 10 if band <= 50 else band,
    "junior": lambda band: 30 if band <= 50 else band,
    "under": lambda band: band - 10 if band >= 60 else 30,
    "deputy": lambda band: band - 10 if band >= 50 else 30,
    # "Deputy Director" is one band down; a deputy of an individual contributor does the same job.
    "second": lambda band: band - 10 if band >= 60 else band,
    # "Executive" before another job word ("Executive Administrative Aide") says no level of its own.
    "keep": lambda band: band,
    "staff": lambda band: 60 if band <= 50 else band,
    "lead": lambda band: 50 if band <= 40 else band,
    "group": lambda band: 60 if band == 50 else band,
    # "Chief Analyst", "Chief Chemist": the senior of a job; "Chief of Section" heads a unit (70).
    "chief": lambda band: max(band, 60),
}
