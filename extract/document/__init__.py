"""The document stage: what one sentence cannot tell.

Whose voice a text is (:mod:`.voice`), which actor each mention names across
the text and what collectives and dropped subjects stand for (:mod:`.resolve`),
and the ontology's document-level conventions (:mod:`.conventions`).
"""
