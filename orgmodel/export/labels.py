"""What a diagram shows for a person, as plain text for each format to escape its own way."""

from __future__ import annotations

import re

from ..org import Org, Person

#: Control characters (C0, DEL, C1) and the line and paragraph separators: never written raw
#: into a diagram, where they would break a label or the file.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
#: Labels are for reading: a name longer than this is cut (with an ellipsis).
MAX_LABEL = 120


def clean(text: str) -> str:
    """``text`` on one line: control characters become spaces, overlong text is cut."""
    text = _CONTROL.sub(" ", text)
    return text if len(text) <= MAX_LABEL else text[:MAX_LABEL - 1] + "\u2026"


def label_lines(org: Org, person: Person) -> list[str]:
    """Name, title, and a marker for open positions and planned hires."""
    lines = [clean(person.name), clean(person.display_title)]
    if person.is_open:
        lines.append("open position")
    elif org.is_planned(person):
        lines.append(f"starts {person.hired.isoformat()}")
    return lines


def node_ids(org: Org) -> dict[str, str]:
    """A safe identifier per person (``n0``, ``n1``, ...): any id can reach a diagram this way."""
    return {pid: f"n{index}" for index, pid in enumerate(org.people)}


def solid_lines(org: Org):
    """(manager, report) for every solid line whose manager is in the org."""
    for person in org:
        if person.reports_to is not None and person.reports_to in org.people:
            yield person.reports_to, person.id


def dotted_lines(org: Org):
    """(dotted manager, person) for every dotted line to someone in the org, not to oneself."""
    for person in org:
        for manager in person.dotted_to:
            if manager in org.people and manager != person.id:
                yield manager, person.id
