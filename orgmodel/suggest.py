"""Closest-match hints for typos: ``did you mean 'reports_to'?``."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice most like ``word``, if any is close enough to be a typo of it."""
    # A ratio of 2*matches/(len(a)+len(b)) >= 0.6 needs the shorter string to be at
    # least 3/7 of the longer one; filtering on that first loses nothing and keeps
    # this fast when the choices are 100k person ids.
    size = len(word)
    near = [c for c in choices if 3 * max(len(c), size) <= 7 * min(len(c), size)]
    found = difflib.get_close_matches(word, near, n=1, cutoff=0.6)
    return found[0] if found else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest choice, or an empty string."""
    found = closest(word, choices)
    return f" (did you mean {found!r}?)" if found else ""


_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")
_DIGIT = re.compile(r"\d")


def _squeezed(text: str) -> str:
    """Lower case, letters and digits only, accents dropped: ``Justin Farris`` and ``justin.farris`` both give
    ``justinfarris``, ``José García`` gives ``josegarcia`` (ids are ASCII, names often are not)."""
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _NOT_ALPHANUMERIC.sub("", text.casefold())


def _has_digit(text: str) -> bool:
    return _DIGIT.search(text) is not None


class PersonFinder:
    """Which person an id that names nobody most likely means, when that is clear.

    A near miss is only a hint when it is clearly the same person: the id is a
    person's name or email local part written another way (``justinfarris``,
    ``justin.farris@acme.com`` for Justin Farris), another spelling of an id
    (``Ana_Lima`` for ``ana-lima``), or a one-letter typo of a long enough id
    with no digits in it. Ids with digits are employee numbers: ``7`` and
    ``97`` are different people however alike they look, so an id of digits
    alone is never matched, and one with letters too (``E-0097``) only when
    it differs in case and punctuation alone.

    Built once per org (linear in its size); each lookup costs the length of
    the id, not the size of the org.
    """

    #: A typo must keep this much of the id (difflib ratio) to count as the same word.
    SIMILARITY = 0.85
    #: A shorter unknown id is too easily one letter away from someone else's.
    MIN_TYPO_LENGTH = 4

    def __init__(self, people: Iterable[tuple[str, str]]):
        """``people``: (id, name) pairs."""
        self._exact: dict[str, str | None] = {}
        self._typos: dict[str, str] | None = None
        self._typo_ids: list[str] = []
        exact = self._exact
        for pid, name in people:
            squeezed = _squeezed(pid)
            keys = {squeezed, _squeezed(name)}
            if "@" in pid:
                keys.add(_squeezed(pid.partition("@")[0]))
            words = name.split()
            if len(words) > 1:
                keys.add(_squeezed(" ".join(words[1:] + words[:1])))  # "Farris Justin" in a family-name-first export
            keys.discard("")
            for key in keys:
                # Two people with the same key: no clear match for it.
                exact[key] = pid if exact.get(key, pid) == pid else None
            if squeezed and not _has_digit(squeezed):
                self._typo_ids.append(pid)

    def _typo_index(self) -> dict[str, str]:
        """Each id's one-letter-deleted forms, built only once an id needs a typo search (an org whose
        missing managers are all employee numbers never pays for it)."""
        if self._typos is None:
            # Variant -> the ids it comes from, as one string joined by newlines (ids have none): a
            # container per variant would mean a million small objects for a 100,000-person org.
            typos: dict[str, str] = {}
            for pid in self._typo_ids:
                for variant in self._deletions(_squeezed(pid)):
                    found = typos.get(variant)
                    typos[variant] = pid if found is None or found == pid else f"{found}\n{pid}"
            self._typos = typos
        return self._typos

    def find(self, unknown: str) -> str | None:
        keys = [_squeezed(unknown), _squeezed(unknown.partition("@")[0])]
        if keys[0].isdigit():
            return None  # an employee number: "9.7" is no more employee 97 than "7" is
        for key in keys:
            if key in self._exact:
                return self._exact[key]
        key = keys[0]
        if not self._typo_candidate(key):
            return None
        candidates: set[str] = set()
        typos = self._typo_index()
        for variant in self._deletions(key):
            found = typos.get(variant)
            if found is not None:
                candidates.update(found.split("\n"))
        scored = sorted(((difflib.SequenceMatcher(None, key, _squeezed(pid)).ratio(), pid) for pid in candidates),
                        reverse=True)
        if not scored or scored[0][0] < self.SIMILARITY or (len(scored) > 1 and scored[1][0] == scored[0][0]):
            return None
        return scored[0][1]

    @classmethod
    def _typo_candidate(cls, squeezed: str) -> bool:
        return len(squeezed) >= cls.MIN_TYPO_LENGTH and not _has_digit(squeezed)

    @staticmethod
    def _deletions(word: str) -> set[str]:
        """The word and every form of it with one letter left out: two words share one when they
        are one insertion, deletion, substitution or swap of neighbours apart."""
        return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}
