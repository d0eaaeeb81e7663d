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
from reader.study.session import DueCard, StudySession, Summary

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


def summary_line(summary: Summary) -> str:
    minutes, seconds = divmod(round(summary.seconds), 60)
    return (
        f"Reviewed {summary.reviewed} card{'s' if summary.reviewed != 1 else ''}, "
        f"{summary.correct_share:.0%} correct, {minutes}m {seconds:02d}s."
    )


def run_plain_session(session: StudySession, stdin: TextIO, out: TextIO, err: TextIO, interactive: bool) -> Summary:
    """Show cards until none is due, the user quits, or stdin ends; every answer is stored as it is given."""
    read = _line_reader(stdin, out, interactive)
    remaining = session.remaining()
    print(f"Due: {remaining.learning} learning, {remaining.review} review, {remaining.new} new.", file=out)
    try:
        while (card := session.next_card()) is not None:
            print("", file=out)
            print("\n".join(card_front(card)), file=out)
            if interactive:
                if read("  (Enter shows the answer, q stops) ").strip().lower() in QUIT_WORDS:
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
    return session.summary


def outlook(session: StudySession) -> str:
    """What is left today, after a session ended or was stopped."""
    left = session.remaining()
    if left.learning + left.review + left.new:
        return f"Still to do today: {left.learning} learning, {left.review} review, {left.new} new."
    later = session.next_learning_due()
    if later is not None:
        return f"Learning cards come back from {later.astimezone():%H:%M} today."
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
