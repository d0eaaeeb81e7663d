"""The library: imported articles in the store, searchable with FTS5, duplicates skipped by content hash."""
