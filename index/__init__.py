"""xinwen's write side: sources, cleaning, Chinese analysis, schema and the reindex command.

Pipeline::

    sources (files, folders)  ->  cleaning (Record)  ->  analysis (tokens)  ->  builder (Whoosh)

Nothing here imports from ``search`` or ``webui``.
"""
