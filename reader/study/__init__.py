"""Study sessions: cards from the glossary terms met while reading, scheduled with FSRS, kept in the store.

No Textual here: ``reader/app/screens/study.py`` draws a session, ``reader.commands.study`` runs it as plain text.
"""
