"""``reader library``: list, search, show, remove and rename the articles in the library.

reader library list [--sort date|title|topic] [--reverse] [--from DATE] [--to DATE] [--topic T] [--read|--unread]
reader library search QUERY [--limit N] [filters as for list]
reader library show ID
reader library remove ID
reader library rename ID TITLE

Every action takes ``--json``. Exit codes: 0 done, 1 nothing found (no such id, no match: ``--json`` prints
``[]``), 2 unusable input (an id that is not a number, a date that is not YYYY[-MM[-DD]], an empty title).
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from reader.commands.output import print_json
from reader.errors import EXIT_BAD_INPUT, EXIT_NO

if TYPE_CHECKING:
    from reader.library.store import Library

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="the articles, newest first (or as sorted and filtered)")
    _add_filters(listing)
    listing.add_argument("--sort", choices=("date", "title", "topic"), default="date", help="order (default: date)")
    listing.add_argument("--reverse", action="store_true", help="turn the order round (oldest first for date)")
    search = actions.add_parser("search", help="full-text search of titles and text, best first, with snippets")
    search.add_argument(
        "query", metavar="QUERY", help="words to find, all of them (end with * to find longer words: hwang*); Korean "
        "(김정은) is found inside unspaced compounds of Korean articles, or else by the English of its glossary entry"
    )
    _add_filters(search)
    show = actions.add_parser("show", help="one article: its details and text")
    show.add_argument("id", metavar="ID")
    show.add_argument("--json", action="store_true", help="print a JSON object")
    remove = actions.add_parser("remove", help="delete an article from the library")
    remove.add_argument("id", metavar="ID")
    remove.add_argument("--json", action="store_true", help="print what was removed as a JSON object")
    rename = actions.add_parser("rename", help="give an article a new title")
    rename.add_argument("id", metavar="ID")
    rename.add_argument("title", metavar="TITLE")
    rename.add_argument("--json", action="store_true", help="print the renamed article as a JSON object")


def _add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--limit", type=int, default=50, metavar="N", help="at most N articles (default 50)")
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="dated on or after DATE (YYYY[-MM[-DD]])")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="dated on or before DATE (YYYY[-MM[-DD]])")
    parser.add_argument("--topic", metavar="TOPIC", help="only this topic (e.g. 'Top News')")
    state = parser.add_mutually_exclusive_group()
    state.add_argument("--read", dest="read", action="store_const", const=True, help="only articles you opened")
    state.add_argument("--unread", dest="read", action="store_const", const=False, help="only articles never opened")
    parser.add_argument("--json", action="store_true", help="print a JSON list of objects")


def _bad(problem: str) -> int:
    print(f"reader library: {problem}", file=sys.stderr)
    return EXIT_BAD_INPUT


def run(args: argparse.Namespace) -> int:
    from reader.library.store import Library
    from reader.store.db import open_store

    # The store alone, not a whole ReaderContext: a search is answered before the glossary would have loaded.
    library = Library(open_store())
    if args.action in ("list", "search"):
        return _list_or_search(library, args)
    if not str(args.id).isdigit():
        return _bad(f"{args.id!r} is not an article id (a number, as 'reader library list' shows)")
    article_id = int(args.id)
    try:
        item = library.item(article_id)
    except KeyError:
        print(f"reader library: no article with id {article_id}", file=sys.stderr)
        return EXIT_NO
    if args.action == "show":
        article = library.article(article_id)
        if args.json:
            print_json({**_item_json(item), "place": article.place, "paragraphs": article.paragraphs})
        else:
            print(item.title)
            print(f"{item.date or 'no date'} · {item.topic or 'no topic'} · {item.sentence_count} sentences · {item.source}")
            print(_reading_state(item))
            for paragraph in article.paragraphs:
                print()
                print(" ".join(paragraph))
        return 0
    if args.action == "remove":
        library.remove(article_id)
        if args.json:
            print_json(_item_json(item))
        else:
            print(f"removed [{article_id}] {item.title}")
        return 0
    try:
        library.rename(article_id, args.title)
    except ValueError as exc:
        return _bad(str(exc))
    renamed = library.item(article_id)
    if args.json:
        print_json(_item_json(renamed))
    else:
        print(f"renamed [{article_id}] {item.title} -> {renamed.title}")
    return 0


def _list_or_search(library: Library, args: argparse.Namespace) -> int:
    from reader.articles.korean import has_hangul
    from reader.library.store import LibraryFilter, to_fts_query

    for name in ("date_from", "date_to"):
        value = getattr(args, name)
        if value is not None and not _DATE.fullmatch(value):
            return _bad(f"{value!r} is not a date: give YYYY, YYYY-MM or YYYY-MM-DD")
    if args.limit < 1:
        return _bad(f"--limit must be at least 1, not {args.limit}")
    query = ""
    if args.action == "search":
        query = args.query
        # Korean is looked for in Korean articles (inside unspaced compounds); when none has it, in the English
        # articles by the English of the glossary entry it names.
        if has_hangul(query) and not library.page(LibraryFilter(query=query), limit=1):
            from reader.context import ReaderContext

            query = ReaderContext().search_words(query)
        if not to_fts_query(query) and not has_hangul(query):
            return _bad(f"nothing to search for in {args.query!r}")
    if library.is_empty():
        from reader.context import ReaderContext

        ReaderContext().ensure_seeded()
    where = LibraryFilter(
        query=query, date_from=args.date_from, date_to=args.date_to, topic=args.topic, read=args.read, prefix=False
    )
    if args.action == "search":
        items = library.page(where, limit=args.limit)
    else:
        items = library.page(where, sort=args.sort, reverse=args.reverse, limit=args.limit)
    if args.json:
        if args.action == "search":
            print_json([{**_item_json(item, short=True), "snippet": item.snippet} for item in items])
        else:
            print_json([_item_json(item) for item in items])
    else:
        for item in items:
            mark = " " if item.opened_at is None else "✓"
            print(f"{item.id:>7} {mark} {item.date or '':<10}  {item.title}  ({item.topic or 'no topic'})")
            if item.snippet:
                print(f"{'':>20}{item.snippet}")
        if not items:
            print("no articles match" if (query or args.action == "list") else "", file=sys.stderr)
    return 0 if items else EXIT_NO


def _item_json(item: object, short: bool = False) -> dict[str, object]:
    from reader.library.store import LibraryItem

    assert isinstance(item, LibraryItem)
    fields: dict[str, object] = {"id": item.id, "title": item.title, "date": item.date, "topic": item.topic}
    if short:
        return fields
    return {
        **fields,
        "source": item.source,
        "sentences": item.sentence_count,
        "opened_at": _iso(item.opened_at),
        "last_sentence": item.last_sentence,
    }


def _iso(timestamp: float | None) -> str | None:
    if timestamp is None:
        return None
    return datetime.fromtimestamp(timestamp, UTC).isoformat(timespec="seconds")


def _reading_state(item: object) -> str:
    from reader.library.store import LibraryItem

    assert isinstance(item, LibraryItem)
    if item.opened_at is None:
        return "unread"
    where = f", stopped at sentence {item.last_sentence + 1}" if item.last_sentence else ""
    return f"opened {_iso(item.opened_at)}{where}"
