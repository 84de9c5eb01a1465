"""Text in: input files and pages read as articles, and articles split into sentences.

Knows nothing of actors or relations; every later stage starts from what it gives.
"""
