"""Running extraction: the batching extractor, builds of many files, processes, caches, the output folder.

The top of the extraction stack: it calls the stages below (read, actors,
relations, document) and never the other way round.
"""
