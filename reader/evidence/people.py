"""People in the library: every appearance of a person, the post the article gives them, their place in a list.

Worked example. In "Present there were Andrei Ludenko, vice-minister of Foreign Affairs of the Russian Federation,
and Alexandr Matsegora, Russian ambassador to the DPRK." both names follow a list cue ("Present there were"), so
Ludenko is 1st and Matsegora 2nd in the list; each is followed by an appositive that names a post
("vice-minister of Foreign Affairs of the Russian Federation", "Russian ambassador to the DPRK"). In "Kim Tok Hun and
Choe Ryong Hae, members of the Presidium of the Political Bureau ..., took their seats" the appositive after the
last name is the post of both.

An appositive counts as a post when it begins with a post word ("minister", "vice-president", "member", ...) or a
title linked by the glossary within its first words; several such segments in a row ("member of the Presidium ...,
vice-president of the State Affairs Commission ... and premier of the Cabinet") make one post. A segment that begins
with a verb ("made a speech") or with "and" ends it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from glossary.model import Span

#: Phrases that open a list of people in KCNA reports.
LIST_CUE = re.compile(
    r"\b(?:present (?:there|at|on)\b[^,]*?\b(?:was|were)|(?:was|were) present|accompanied by|seen on the platform"
    r"|on the platform were|attended by|among (?:them|those present) were|greeted by|on hand were)\b",
    re.IGNORECASE,
)
#: First words of an appositive that names a post (lower-case as KCNA writes them in body text).
POST_WORDS = frozenset(
    "member members alternate minister ministers vice-minister vice-ministers vice minister-counsellor premier"
    " president vice-president chairman chairwoman chairperson vice-chairman vice-chairperson secretary secretaries"
    " director directors vice-director department ambassador ambassadors charge chief head heads commander"
    " commanders general marshal colonel lieutenant major first deputy acting leader leaders governor mayor"
    " spokesman spokesperson spokeswoman representative envoy editor-in-chief rector officer officers"
    " chief-of-staff counsellor consul prime foreign defence defense deputy-director".split()
)
#: Glossary categories whose span at the start of an appositive makes it a post.
POST_CATEGORIES = frozenset({"title", "military"})
#: How many words into a segment a post title may start ("Russian ambassador to the DPRK").
TITLE_REACH = 3


@dataclass(frozen=True)
class Mention:
    """One sentence that names the person: the post given there, and their place in a list (1-based) if any."""

    sentence: str
    post: str | None
    list_position: int | None


def _segments(text: str) -> list[tuple[int, str]]:
    """(offset, segment) for each ", "-separated piece of ``text`` (which starts right after a name)."""
    pieces, offset = [], 0
    for piece in text.split(", "):
        pieces.append((offset, piece))
        offset += len(piece) + 2
    return pieces


def _is_post(segment: str, offset: int, base: int, spans: Sequence[Span]) -> bool:
    words = segment.split()
    if not words or words[0].lower() == "and":
        return False
    if words[0].lower().strip("'’") in POST_WORDS or words[0].lower().split("-")[0] in POST_WORDS:
        return True
    reach_end = base + offset + len(" ".join(words[:TITLE_REACH]))
    return any(s.category in POST_CATEGORIES and base + offset <= s.start < reach_end for s in spans)


def post_after(sentence: str, name_end: int, spans: Sequence[Span]) -> str | None:
    """The post named by the appositive after a name ending at ``name_end``, or None (see the module's example)."""
    rest = sentence[name_end:]
    if not rest.startswith(", "):
        return None
    base = name_end + 2
    body = rest[2:].rstrip(" .;:")
    taken: list[str] = []
    for offset, segment in _segments(body):
        if not _is_post(segment, offset, base, spans):
            break
        taken.append(segment.strip())
    return ", ".join(taken) or None


def _chain_end(sentence: str, span: Span, people: Sequence[Span]) -> int:
    """Where a run of names joined by ", " or " and " that starts with ``span`` ends (their appositive follows)."""
    end = span.end
    for other in people:
        if other.start <= end:
            continue
        gap = sentence[end : other.start]
        if gap in (" and ", ", ", ", and "):
            end = other.end
        else:
            break
    return end


#: A list item that is a bare name: two to five capitalized words ("Andrei Ludenko", "Ri Il Hwan").
NAME_ITEM = re.compile(r"(?:[A-Z][\w'’-]*\s+){1,4}[A-Z][\w'’-]*")
_LIST_SEPARATOR = re.compile(r",\s+(?:and\s+)?|\s+and\s+")


def list_position(sentence: str, list_start: int, name_start: int) -> int | None:
    """The place (1-based) of the name starting at ``name_start`` among the names listed from ``list_start``;
    appositives between the names ("..., vice-minister of ..., and ...") are not counted.

    >>> s = "Present there were Andrei Ludenko, vice-minister of Foreign Affairs, and Sergei Lavrov, foreign minister."
    >>> list_position(s, 18, s.index("Sergei"))
    2
    """
    position, offset = 0, list_start
    for item in _LIST_SEPARATOR.split(sentence[list_start:]):
        start = offset + len(item) - len(item.lstrip())
        offset += len(item)
        separator = _LIST_SEPARATOR.match(sentence, offset)
        if NAME_ITEM.fullmatch(item.strip().rstrip(".")) or start <= name_start < offset:
            position += 1
        if start <= name_start < offset:
            return position
        offset = separator.end() if separator else offset
    return None


def mentions(sentences: Iterable[tuple[str, Sequence[Span]]], entry_id: str) -> list[Mention]:
    """Every sentence (with its linked spans) that names ``entry_id``, with post and list position."""
    found: list[Mention] = []
    for sentence, spans in sentences:
        people = [s for s in spans if s.category == "person"]
        own = [s for s in people if s.entry_id == entry_id]
        if not own:
            continue
        span = own[0]
        cue = LIST_CUE.search(sentence)
        position = (
            list_position(sentence, cue.end(), span.start) if cue is not None and span.start > cue.end() else None
        )
        post = post_after(sentence, span.end, spans) or post_after(sentence, _chain_end(sentence, span, people), spans)
        found.append(Mention(sentence, post, position))
    return found
