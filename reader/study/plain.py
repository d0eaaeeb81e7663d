"""The study session as plain text: for a terminal (over SSH too) or a script feeding ratings on stdin.

On a terminal: the front, Enter shows the answer, then a rating. Otherwise every line of stdin is one
rating (``1``-``4`` or ``again``/``hard``/``good``/``easy``), the answer is printed with the front, and the
session ends cleanly at end of input.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from fsrs import Rating

from reader.study.scheduling import RATING_NAMES, RATINGS, format_interval
from reader.study.session import DueCard, Remaining, StudySession, Summary

QUIT_WORDS = {"q", "quit", "exit"}


class EndOfInput(Exception):
    """stdin is exhausted or the user quit."""


def parse_rating(text: str) -> Rating | None:
    """``"3"``, ``"good"``, ``"Good"`` -> Rating.Good; anything else -> None."""
    word = text.strip().lower()
    for rating in RATINGS:
        if word in (str(int(rating)), RATING_NAMES[rating].lower()):
            return rating
    return None


def buttons_line(card: DueCard) -> str:
    return "   ".join(f"{int(r)} {RATING_NAMES[r]} {format_interval(card.intervals[r])}" for r in RATINGS)


def card_front(card: DueCard) -> list[str]:
    lines = [f"[{card.label} · {card.kind}] {card.faces.prompt}", f"    {card.faces.front}"]
    if card.faces.hint:
        lines.append(f"    hint: {card.faces.hint}")
    return lines


def card_back(card: DueCard) -> list[str]:
    lines = [f"  = {card.faces.back}"]
    if card.faces.detail:
        lines.append(f"    {card.faces.detail}")
    if card.faces.source:
        lines.append(f"    from: {card.faces.source}")
    return lines


def due_text(due: Remaining) -> str:
    """``"2 learning · 0 review · 17 new"``: how every view words ``StudySession.due_today``."""
    return f"{due.learning} learning · {due.review} review · {due.new} new"


def summary_line(summary: Summary) -> str:
    """What the session did; a session without answers says so instead of "Reviewed 0 cards, 0% correct"."""
    if not summary.reviewed:
        return "No cards answered in this session."
    minutes, seconds = divmod(round(summary.seconds), 60)
    ratings = ", ".join(f"{RATING_NAMES[r]} {summary.ratings[r]}" for r in RATINGS if summary.ratings.get(r))
    return (
        f"Reviewed {summary.reviewed} card{'s' if summary.reviewed != 1 else ''}, "
        f"{summary.correct_share:.0%} correct, {minutes}m {seconds:02d}s ({ratings})."
    )


def whats_next(session: StudySession) -> str:
    """When nothing is left today: when cards come back, and where new ones come from."""
    upcoming = session.next_due_day()
    when = f"Next: {upcoming[1]} card{'s' if upcoming[1] != 1 else ''} due {upcoming[0]:%a %d %b}. " if upcoming else ""
    return when + "New terms come from the articles you open; reader study --deck all studies the whole glossary."


def run_plain_session(session: StudySession, stdin: TextIO, out: TextIO, err: TextIO, interactive: bool) -> Summary:
    """Show cards until none is due, the user quits, or stdin ends; every answer is stored as it is given."""
    read = _line_reader(stdin, out, interactive)
    due = session.due_today()
    print(f"Due: {due.learning} learning, {due.review} review, {due.new} new.", file=out)
    try:
        while (card := session.next_card()) is not None:
            print("", file=out)
            print("\n".join(card_front(card)), file=out)
            if interactive and read("  (Enter shows the answer, q stops) ").strip().lower() in QUIT_WORDS:
                break
            print("\n".join(card_back(card)), file=out)
            print("  " + buttons_line(card), file=out)
            rating = _ask_rating(read, err)
            session.answer(card, rating)
    except EndOfInput:
        pass
    print("", file=out)
    print(summary_line(session.summary), file=out)
    print(outlook(session), file=out)
    if session.next_card() is None and not session.next_learning_due():
        print(whats_next(session), file=out)
    return session.summary


def outlook(session: StudySession) -> str:
    """What is left today, after a session ended or was stopped (counted by ``StudySession.due_today``)."""
    left = session.due_today()
    if session.next_card() is None and left.learning and not (left.review or left.new):
        later = session.next_learning_due()
        if later is not None:
            return f"Learning cards come back from {later.astimezone():%H:%M} today ({left.learning})."
    if left.learning + left.review + left.new:
        return f"Still to do today: {left.learning} learning, {left.review} review, {left.new} new."
    return "Nothing more is due today."


def _ask_rating(read: Callable[[str], str], err: TextIO) -> Rating:
    while True:
        line = read("  rating [1-4, q stops]: ")
        if line.strip().lower() in QUIT_WORDS:
            raise EndOfInput
        rating = parse_rating(line)
        if rating is not None:
            return rating
        print(f"reader study: {line.strip()!r} is not a rating; type 1-4 or again/hard/good/easy", file=err)


def _line_reader(stdin: TextIO, out: TextIO, interactive: bool) -> Callable[[str], str]:
    def read(prompt: str) -> str:
        if interactive:
            print(prompt, end="", file=out, flush=True)
        line = stdin.readline()
        if not line:
            if interactive:
                print("", file=out)
            raise EndOfInput
        return line

    return read
