"""kcna-reader: a terminal bilingual reader for KCNA English articles.

Everything under ``reader`` except ``reader.app`` is importable without Textual.
"""

__version__ = "0.1.0"
