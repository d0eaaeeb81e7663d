"""Articles: the KCNA text shape, corpus JSONL records, scraped-text repair and sentence splitting."""

from reader.articles.model import Article

__all__ = ["Article"]
