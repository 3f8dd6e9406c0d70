"""Text in charts: what may be drawn, in which fonts, and how wide it is.

Every string a chart draws comes from the org file, so it can hold any
script, control characters, escape sequences or a 200,000-character name.
``drawable`` turns it into one short line of characters some installed
font can draw; ``families`` names the fonts to draw it with: the bundled
DejaVu Sans first, then system fonts for the characters it lacks
(matplotlib falls back glyph by glyph along that list in PNG, SVG and PDF).
The measuring helpers (``text_width``, ``fits``, ``fit``, ``wrap``) follow
the same fallback, so CJK and other scripts are measured with the font that
draws them.
"""

from __future__ import annotations

import logging
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache

from matplotlib.font_manager import FontProperties, findfont, fontManager, get_font
from matplotlib.ft2font import FT2Font, LoadFlags

FONT = "DejaVu Sans"  # ships with matplotlib: the same glyphs on every machine
#: Drawn where no installed font has the character (DejaVu Sans has it).
REPLACEMENT = "\ufffd"
#: The longest text a label is made from: more than any box or title can show, few enough to
#: measure quickly. Longer input is cut before anything else looks at it.
MAX_CHARS = 300
#: Matplotlib settings for every chart: text is never read as mathtext ($x$ is three characters);
#: it is drawn unhinted, so PNG text is as wide as its outline (hinting widens small text at low
#: resolutions by up to 25%, past any box); SVG keeps it as text for the viewer's fonts to draw.
TEXT_RC = {"text.parse_math": False, "text.hinting": "no_hinting", "svg.fonttype": "none"}
#: Spare room measured text keeps from its box's edge (drawn text is within 0.5% of the measure).
HINTING_MARGIN = 1.05

#: Fallback fonts tried first, in this order, when DejaVu Sans lacks a character; any other
#: installed font comes after them (sans before serif, proportional before monospaced).
PREFERRED_FALLBACKS = (
    "Noto Sans", "Noto Sans CJK JP", "Noto Sans CJK SC", "Noto Sans CJK TC", "Noto Sans CJK KR",
    "Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans Devanagari", "Noto Sans Bengali", "Noto Sans Tamil",
    "Noto Sans Thai", "Noto Sans Symbols", "Noto Sans Symbols 2", "Noto Emoji", "Symbola",
    "WenQuanYi Zen Hei", "Droid Sans Fallback", "Unifont",
)
#: What to tell people whose names no installed font can draw.
FONT_INSTALL_HINT = ("install fonts that have them, for example `apt-get install fonts-noto-core "
                     "fonts-noto-cjk fonts-symbola` on Debian or Ubuntu, then run again")

# Terminal escape sequences (CSI, OSC, two-character ESC forms, 8-bit CSI): dropped whole, so
# no stray "[31m" is left behind.
_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]?|\][^\x07\x1b]*(?:\x07|\x1b\\?)?|[ -/]*[0-~]?)"
                      r"|\x9b[0-?]*[ -/]*[@-~]?")
_SPACES = re.compile(r"\s+")  # tabs, newlines and every other kind of space become one space
# Control characters (but spaces) and bidirectional controls: never drawn, never written to a file.
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
# Lone surrogates and the two non-characters XML 1.0 forbids: broken text, shown as such.
_BROKEN = re.compile("[\ud800-\udfff\ufffe\uffff]")
# Scripts whose drawn width is not the sum of their characters' widths (joining, reordering,
# combining marks, emoji sequences): measured by laying the whole string out.
_SHAPED = re.compile("[\u0300-\u036f\u0483-\u0489\u0591-\u0dff\u0e00-\u0fff\u1000-\u109f\u1780-\u18af"
                     "\u1a00-\u1cff\u1dc0-\u1dff\u200c\u200d\u20d0-\u20ff\ua8e0-\ua8ff\ufb1d-\ufdff"
                     "\ufe00-\ufe0f\ufe20-\ufe2f\ufe70-\ufefe\U0001f000-\U0001faff\U000e0000-\U000e01ef]")


def plain(text: str, limit: int = MAX_CHARS) -> str:
    """``text`` as one line without control characters, at most ``limit`` characters long.

    Linear in ``limit``, not in the length of ``text``: it is cut first.
    """
    if len(text) <= limit and text.isprintable() and "  " not in text and text[:1] != " " != text[-1:]:
        return text  # the common case, already plain (isprintable: no control, format or odd space)
    text = text[: 4 * limit + 64]  # room for escape sequences and spaces that are removed below
    text = _ESCAPES.sub("", text)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _BROKEN.sub(REPLACEMENT, text).strip()
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def person_group_id(person_id: str) -> str:
    """The SVG id of a person's group: ``person-<id>``, with control characters (which XML 1.0
    forbids or attribute parsing turns into spaces) replaced."""
    return "person-" + _CONTROL.sub(REPLACEMENT, person_id)


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _ignorable(char: str) -> bool:
    """Invisible formatting (joiners, variation selectors): left out where no font knows it."""
    return unicodedata.category(char) == "Cf" or "\ufe00" <= char <= "\ufe0f" or "\U000e0100" <= char <= "\U000e01ef"


class Fonts:
    """The fonts a chart can use: which one draws each character, and how wide text is.

    Built once per process (``fonts()``): installed fonts are opened only when
    DejaVu Sans lacks a character, and then one at a time, in order of
    preference, until one has it. ``candidates`` (family, file, face index)
    replaces the installed fonts, for tests.
    """

    def __init__(self, candidates: Iterable[tuple[str, str, int]] | None = None):
        self.primary = frozenset(FT2Font(findfont(FontProperties(family=FONT))).get_charmap())
        self._candidates = list(candidates) if candidates is not None else None
        self._look_for_new_fonts = candidates is None
        self._opened: list[tuple[str, FT2Font]] = []
        self._family: dict[str, str | None] = {}
        self._rank: dict[str, int] = {FONT: -1}
        self._faces: dict[tuple[str, bool, bool], FT2Font] = {}
        self._advances: dict[tuple[bool, bool], dict[str, float]] = {}
        self._shaped = lru_cache(maxsize=8192)(self._shaped_width)

    # -- which font draws what

    def family(self, char: str) -> str | None:
        """The font family that draws ``char`` (DejaVu Sans if it can), or None if no installed font can."""
        if ord(char) in self.primary:
            return FONT
        if char not in self._family:
            code = ord(char)
            self._family[char] = next((name for name, face in self._fallbacks() if face.get_char_index(code)), None)
        return self._family[char]

    def _fallbacks(self) -> Iterator[tuple[str, FT2Font]]:
        yield from self._opened
        if self._candidates is None:
            self._candidates = installed_fonts()
        while self._candidates or self._look_for_new_fonts:
            if not self._candidates:  # none of the listed fonts has it: any installed since they were listed?
                self._look_for_new_fonts = False
                self._candidates = fonts_installed_since_cached()
                continue
            name, path, index = self._candidates.pop(0)
            try:
                face = FT2Font(path, face_index=index)
            except (OSError, RuntimeError, ValueError):  # unreadable or unsupported font file
                continue
            if not face.face_flags & face.face_flags.SCALABLE:  # bitmap-only (colour emoji): cannot be scaled
                continue
            self._rank[name] = len(self._opened)
            self._opened.append((name, face))
            yield name, face

    def families(self, text: str) -> tuple[str, ...]:
        """DejaVu Sans, then the fallback fonts ``text`` needs, in order of preference."""
        if text.isascii():
            return (FONT,)
        needed = {self.family(char) for char in set(text)}
        needed.discard(None)
        needed.discard(FONT)
        return (FONT, *sorted(needed, key=self._rank.__getitem__))

    def drawable(self, text: str, limit: int = MAX_CHARS) -> str:
        """``plain(text)`` with characters no installed font has replaced by U+FFFD."""
        text = plain(text, limit)
        if text.isascii():
            return text
        missing = {char for char in set(text) if self.family(char) is None}
        if not missing:
            return text
        return "".join(("" if _ignorable(char) else REPLACEMENT) if char in missing else char for char in text)

    def missing(self, text: str) -> str:
        """The characters of ``text`` that no installed font can draw, in order of appearance."""
        if text.isascii():
            return ""
        text = plain(text)
        return "".join(dict.fromkeys(c for c in text if not c.isascii() and not _ignorable(c)
                                     and self.family(c) is None))

    # -- measuring

    def _face(self, family: str, bold: bool, italic: bool) -> FT2Font:
        key = (family, bold, italic)
        if key not in self._faces:
            face = FT2Font(findfont(_properties(family, bold, italic), fallback_to_default=True))
            face.set_size(100, 72)  # widths in hundredths of the size, in points
            self._faces[key] = face
        return self._faces[key]

    def _advance(self, char: str, bold: bool, italic: bool) -> float:
        face = self._face(self.family(char) or FONT, bold, italic)
        glyph = face.load_glyph(face.get_char_index(ord(char)), flags=LoadFlags.NO_HINTING)
        return glyph.linearHoriAdvance / 65536 / 100

    def _shaped_width(self, text: str, bold: bool, italic: bool) -> float:
        font = get_font([findfont(_properties(family, bold, italic), fallback_to_default=True)
                         for family in self.families(text)])
        font.clear()
        font.set_size(100, 72)
        font.set_text(text, flags=LoadFlags.NO_HINTING)
        return font.get_width_height()[0] / 64 / 100

    def width(self, text: str, size: float, bold: bool = False, italic: bool = False) -> float:
        """Width of ``text`` in points at ``size``, measured as matplotlib will lay it out.

        Words in scripts that join or combine are laid out whole, one word at a
        time (letters join within a word, never across a space), so the
        measurement of a common first or family name is made once and reused.
        """
        if not _SHAPED.search(text):
            return self._advance_sum(text, bold, italic) * size
        words = text.split(" ")
        total = self._advance_sum(" ", bold, italic) * (len(words) - 1)
        for word in words:
            total += self._shaped(word, bold, italic) if _SHAPED.search(word) else self._advance_sum(word, bold, italic)
        return total * size

    def _advance_sum(self, text: str, bold: bool, italic: bool) -> float:
        advances = self._advances.setdefault((bold, italic), {})
        total = 0.0
        for char in text:
            advance = advances.get(char)
            if advance is None:
                advance = advances[char] = self._advance(char, bold, italic)
            total += advance
        return total


def _properties(family: str | Iterable[str], bold: bool, italic: bool, size: float | None = None) -> FontProperties:
    return FontProperties(family=family, size=size, weight="bold" if bold else "normal",
                          style="italic" if italic else "normal")


def installed_fonts(entries: Iterable | None = None) -> list[tuple[str, str, int]]:
    """(family, file, face index) of one regular face per installed family, in order of preference.

    ``entries``: matplotlib font entries to choose from (default: every font matplotlib knows).
    """
    best: dict[str, tuple] = {}
    for entry in fontManager.ttflist if entries is None else entries:
        if entry.name == FONT or entry.name.startswith("Last Resort"):  # a box for every character: not a fallback
            continue
        weight = entry.weight if isinstance(entry.weight, int) else 400
        closeness = (entry.style != "normal", abs(weight - 400), entry.fname, entry.index)
        if entry.name not in best or closeness < best[entry.name][0]:
            best[entry.name] = (closeness, entry.fname, entry.index)

    def preference(name: str) -> tuple:
        preferred = PREFERRED_FALLBACKS.index(name) if name in PREFERRED_FALLBACKS else len(PREFERRED_FALLBACKS)
        return preferred, "Mono" in name, "Sans" not in name, name

    return [(name, best[name][1], best[name][2]) for name in sorted(best, key=preference)]


def fonts_installed_since_cached() -> list[tuple[str, str, int]]:
    """Fonts on the system that matplotlib's font cache does not list yet, as ``installed_fonts`` does.

    Matplotlib lists the system's fonts once and keeps the list until it is
    upgraded, so a font installed after that (say, on reading our warning)
    would otherwise never be used. Each one found is added for this process.
    """
    from matplotlib.font_manager import findSystemFonts

    known = {os.path.realpath(entry.fname) for entry in fontManager.ttflist}
    names = {entry.name for entry in fontManager.ttflist}
    count = len(fontManager.ttflist)
    for path in sorted(findSystemFonts()):
        if os.path.realpath(path) not in known:
            try:
                fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):  # unreadable or unsupported font file
                continue
    return installed_fonts([entry for entry in fontManager.ttflist[count:] if entry.name not in names])


class _NearestWeightIsFine(logging.Filter):
    """Fallback fonts often come in one weight; matplotlib then uses it and logs a warning per text."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("findfont: Failed to find font weight")


@contextmanager
def quiet_font_substitution() -> Iterator[None]:
    """Within: no log line when a font has no bold or italic face and its regular one is used."""
    logger, quiet = logging.getLogger("matplotlib.font_manager"), _NearestWeightIsFine()
    logger.addFilter(quiet)
    try:
        yield
    finally:
        logger.removeFilter(quiet)


_FONTS: Fonts | None = None


def fonts() -> Fonts:
    """The process's fonts (discovered once)."""
    global _FONTS
    if _FONTS is None:
        _FONTS = Fonts()
    return _FONTS


def drawable(text: str, limit: int = MAX_CHARS) -> str:
    """``text`` as one line a chart can draw: no control characters, at most ``limit`` long, no
    character that no installed font has (those become U+FFFD)."""
    return fonts().drawable(text, limit)


def families(text: str) -> tuple[str, ...]:
    """The font families to draw ``text`` with: DejaVu Sans, then fallbacks it needs."""
    return fonts().families(text)


def font(text: str, size: float, bold: bool = False, italic: bool = False) -> FontProperties:
    """Font properties that draw every character of ``text``."""
    return _properties(families(text), bold, italic, size)


def text_width(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    """Width of ``text`` in points at ``size``, from the glyph advances of the fonts that draw it."""
    return fonts().width(text, size, bold, italic)


def fits(text: str, width: float, size: float, bold: bool = False, italic: bool = False) -> bool:
    """Whether ``text`` fits in ``width`` points in every output format."""
    return text_width(text, size, bold, italic) * HINTING_MARGIN <= width


def fit(text: str, width: float, size: float, bold: bool = False, italic: bool = False) -> str:
    """``text``, shortened with an ellipsis if it is wider than ``width`` points."""
    if fits(text, width, size, bold, italic):
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        mid = (low + high + 1) // 2
        if fits(text[:mid].rstrip() + "…", width, size, bold, italic):
            low = mid
        else:
            high = mid - 1
    while 0 < low < len(text) and unicodedata.combining(text[low]):  # keep accents with their letter
        low -= 1
    return text[:low].rstrip() + "…"


def wrap(text: str, width: float, size: float, lines: int = 2, bold: bool = False) -> list[str]:
    """Greedy word wrap into at most ``lines`` lines; the last one shortened if need be."""
    words, out, current = text.split(), [], ""
    for i, word in enumerate(words):
        trial = f"{current} {word}".strip()
        if fits(trial, width, size, bold) or not current:
            current = trial
            continue
        out.append(current)
        current = word
        if len(out) == lines - 1:
            current = " ".join(words[i:])
            break
    out.append(current)
    return [fit(line, width, size, bold) for line in out[:lines]]


#: How many people (or other texts) a missing-glyph warning names before "and N more".
WARN_NAMES = 5


def missing_glyphs_warning(texts: Iterable[tuple[str, str]]) -> str | None:
    """One warning for all the ``(whose, text)`` pairs with characters no installed font can draw."""
    affected: dict[str, dict[str, None]] = {}
    for whose, text in texts:
        for char in fonts().missing(text):
            affected.setdefault(whose, {})[char] = None
    if not affected:
        return None
    named = "; ".join(f"{whose}: {' '.join(f'U+{ord(c):04X}' for c in list(chars)[:4])}{' ...' if len(chars) > 4 else ''}"
                      for whose, chars in list(affected.items())[:WARN_NAMES])
    more = f"; and {len(affected) - WARN_NAMES} more" if len(affected) > WARN_NAMES else ""
    return (f"no installed font can draw some characters, so they are drawn as {REPLACEMENT}: {named}{more}. "
            f"To draw them, {FONT_INSTALL_HINT}")
