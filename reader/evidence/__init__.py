"""Evidence over time from the library: who appeared where with which post, and how a term was used."""
