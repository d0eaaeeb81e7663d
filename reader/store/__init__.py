"""The SQLite store: one file holding the library, the translation cache and the study data."""
