"""Roles: the catalog of named and generic roles, and reading job titles (see catalog and titles)."""

from .catalog import (
    BUILTIN_ROLES,
    FAMILIES,
    GENERIC_ROLES,
    LEADER_MIN_RANK,
    NAMED_ROLES,
    TEAM_MAX_RANK,
    UNKNOWN,
    Role,
    RoleCatalog,
    TitleMatch,
    generic_role_id,
)
from .titles import (
    BANDS,
    MAX_TITLE_CHARS,
    MAX_WORDS,
    Reading,
    band_of,
    fold,
    normalise_title,
    read_title,
)

__all__ = [
    "BANDS",
    "BUILTIN_ROLES",
    "FAMILIES",
    "GENERIC_ROLES",
    "LEADER_MIN_RANK",
    "MAX_TITLE_CHARS",
    "MAX_WORDS",
    "NAMED_ROLES",
    "TEAM_MAX_RANK",
    "UNKNOWN",
    "Reading",
    "Role",
    "RoleCatalog",
    "TitleMatch",
    "band_of",
    "fold",
    "generic_role_id",
    "normalise_title",
    "read_title",
]
