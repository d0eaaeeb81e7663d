"""The command-line faces of the reader: every verb of ``reader`` and ``glossary``, thin over the features."""
