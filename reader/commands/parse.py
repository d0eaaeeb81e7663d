"""``reader parse FILE [--json] [--id ID]``: an article file (or one corpus record) sentence by sentence.

Everything is parsed before anything is printed, so bad input prints one error line and no partial output.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from reader.articles.model import Article


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="an article text file, or a corpus .jsonl file with --id")
    parser.add_argument("--json", action="store_true", help="print the parsed article as JSON")
    parser.add_argument("--id", dest="article_id", help="the record to parse from a corpus .jsonl file")
    parser.add_argument(
        "--lang", choices=("ko", "en"), help="the article's language (default: detected from its script)"
    )


def _load(path: Path, article_id: str | None, lang: str | None = None) -> Article:
    from reader.errors import InputError

    if path.suffix.lower() == ".jsonl":
        from reader.articles.corpus import find_corpus_article, iter_corpus

        if article_id:
            return find_corpus_article(path, article_id)
        articles = iter_corpus(path)
        first = next(articles, None)
        if first is None:
            raise InputError(path, "corpus file has no records")
        if next(articles, None) is not None:
            raise InputError(path, "corpus file holds several articles; choose one with --id ID")
        return first
    if article_id:
        raise InputError(path, "--id only applies to a corpus .jsonl file")
    from reader.articles.load import load_article

    return load_article(path, lang=lang)


def format_plain(article: Article) -> str:
    """Title, date and place, keywords, then each sentence numbered paragraph.sentence."""
    lines = [article.title]
    dateline = ", ".join(part for part in (article.date, article.place) if part)
    if article.agency:
        dateline = f"{dateline} ({article.agency})" if dateline else f"({article.agency})"
    if dateline:
        lines.append(dateline)
    if article.keywords:
        lines.append("Keywords: " + "; ".join(article.keywords))
    for paragraph_number, paragraph in enumerate(article.paragraphs, start=1):
        lines.append("")
        for sentence_number, sentence in enumerate(paragraph, start=1):
            lines.append(f"{paragraph_number}.{sentence_number}  {sentence}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    article = _load(args.file, args.article_id, args.lang)
    output = json.dumps(article.to_json(), ensure_ascii=False, indent=2) if args.json else format_plain(article)
    for warning in article.warnings:
        print(f"reader: warning: {warning}", file=sys.stderr)
    print(output)
    return 0
