"""Output for reports: an article, its translation (or the glossary gloss) and the notes of its linked terms."""
