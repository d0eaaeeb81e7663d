"""The curated DPRK glossary: data, matcher and the ``glossary`` command. Imports nothing from ``reader``."""
