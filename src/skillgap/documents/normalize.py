"""Text normalisation shared by every format and by pasted text.

The result keeps one line per visual line (or paragraph), so offsets stay meaningful to the user,
while the oddities of PDF and word-processor output are ironed out:

>>> normalize_text("Naïve  “quoted” ﬁne\\u200b\\n\\n\\n\\n● 5 years of experi-\\nence")
'Naïve "quoted" fine\\n\\n• 5 years of experience'
"""

from __future__ import annotations

import re

import ftfy

BULLET = "•"

_SOFT_HYPHEN_BREAK = re.compile(r"\u00ad[ \t]*\n[ \t]*")
_LINE_BREAK = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c]")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u034f"))
_C0_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_C1_CONTROLS = re.compile(r"[\x80-\x9f]")  # kept until ftfy has used them to repair mojibake
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")

# Symbols used as bullets, including the private-use glyphs of the Symbol and Wingdings fonts.
_BULLET_SYMBOLS = "•●○◦▪▫■□◆◇►▶▸▹‣⁃∙·➢➣➤➔→✓✔❖\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf0a9"
_SYMBOL_BULLET = re.compile(rf"^[{_BULLET_SYMBOLS}][ ]?")
_ASCII_BULLET = re.compile(r"^[-*+–—] (?=\S)")
_LONE_BULLET = re.compile(rf"^[{_BULLET_SYMBOLS}]$")

_HYPHENATED = re.compile(r"(?<![\w-])([^\W\d_]+(?:-[^\W\d_]+)*)-\n(?=([^\W\d_]+))")
_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# First halves of compounds that keep their hyphen when a line break falls after it.
_COMPOUND_HEADS = frozenset((
    "anti", "back", "co", "cross", "cutting", "data", "e", "end", "fast", "fine", "first",
    "front", "full", "hands", "high", "long", "low", "multi", "non", "object", "open", "post",
    "pre", "real", "self", "semi", "state", "team", "third", "top", "user", "well", "world",
))  # fmt: skip
# Endings that only ever follow a syllable break ("high-" + "ly" is "highly").
_SUFFIXES = frozenset((
    "able", "ed", "er", "ers", "es", "est", "ing", "ings", "ly", "ment", "ments", "ness", "s",
    "tion", "tions",
))  # fmt: skip
_BLANK_RUNS = re.compile(r"\n{3,}")
_MAX_EXTRA_PASSES = 2


def normalize_text(text: str) -> str:
    """Repair and tidy ``text``: ligatures, hyphenation, bullets, quotes, invisible characters,
    odd spaces, mojibake and runs of blank lines. Idempotent."""
    result = _normalize_once(text)
    if text.isascii():
        return result  # nothing for ftfy to repair: the bullets a pass sets need no second one
    for _ in range(_MAX_EXTRA_PASSES):
        # a repair can expose another one (a removed control character between two halves of
        # a mojibake sequence); ASCII text has nothing left for ftfy to repair
        if result.isascii():
            break
        again = _normalize_once(result)
        if again == result:
            break
        result = again
    return result


def _normalize_once(text: str) -> str:
    text = _SOFT_HYPHEN_BREAK.sub("", _LINE_BREAK.sub("\n", text))
    text = _C0_CONTROLS.sub("", text.translate(_ZERO_WIDTH))
    text = "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    if not text.isascii():  # without control characters, ASCII is all ftfy leaves as it is
        text = ftfy.fix_text(text, unescape_html=False)
        text = _C1_CONTROLS.sub("", text.translate(_ZERO_WIDTH))
    lines = [_tidy_line(line) for line in text.split("\n")]
    text = "\n".join(_merge_lone_bullets(lines))
    text = _join_hyphenated(text)
    return _BLANK_RUNS.sub("\n\n", text).strip("\n")


def _tidy_line(line: str) -> str:
    line = _SPACES.sub(" ", line).strip()
    if _LONE_BULLET.match(line):
        return BULLET
    line = _SYMBOL_BULLET.sub(f"{BULLET} ", line, count=1)
    return _ASCII_BULLET.sub(f"{BULLET} ", line, count=1)


def _merge_lone_bullets(lines: list[str]) -> list[str]:
    """A bullet glyph alone on its line belongs to the next line (PDFs often split them)."""
    out: list[str] = []
    for line in lines:
        if out and out[-1] == BULLET and line and line != BULLET:
            out[-1] = f"{BULLET} {line}"
        else:
            out.append(line)
    return out


def _join_hyphenated(text: str) -> str:
    """Rejoin words split at a line end ("experi-" + "ence"), keeping real compounds' hyphens."""
    if "-\n" not in text:
        return text
    known = {word.lower() for word in _WORDS.findall(text)}

    def rejoin(match: re.Match[str]) -> str:
        head, tail = match.group(1), match.group(2)
        keep = (
            "-" in head
            or tail[0].isupper()
            or f"{head}-{tail}".lower() in known
            or (
                head.lower() in _COMPOUND_HEADS
                and tail.lower() not in _SUFFIXES
                and f"{head}{tail}".lower() not in known
            )
        )
        return f"{head}-" if keep else head

    return _HYPHENATED.sub(rejoin, text)
