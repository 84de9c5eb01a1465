"""The document stage: what one sentence cannot tell.

:func:`.passes.read_document` runs it; :data:`.passes.PASSES` declares the
order. Whose voice a text is (:mod:`.voice`), which actor each mention names
across the text and what collectives and dropped subjects stand for
(:mod:`.resolve`), what the text is about (:mod:`.about`), which state each
leader's government is (:mod:`.governments`); then the passes that add
relations: listed members (:mod:`.members`), joint statements
(:mod:`.statements`), sentence by sentence the affiliations
(:mod:`.affiliations`) and the rules' candidates with their arguments resolved
(:mod:`.candidates`, :mod:`.arguments`, :mod:`.anaphora`), home officials
(:mod:`.officials`), the subject state's leaders (:mod:`.leaders`); and the
ontology's document-level conventions (:mod:`.conventions`). The passes share
one :class:`.context.DocumentContext`; relations collect in :class:`.found.Found`.
"""
