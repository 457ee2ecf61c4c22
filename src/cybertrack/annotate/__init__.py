"""Annotation: language, sentences (entities and dates follow in the extraction stage)."""
