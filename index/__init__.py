"""xinwen's write side: sources, cleaning, Chinese analysis, schema and the reindex command.

Pipeline::

    sources (files, folders)  ->  cleaning (Record)  ->  analysis (tokens)  ->  builder (Whoosh)

Nothing here imports from ``search`` or ``webui``.

Importing any of it checks the Whoosh version (`index.whoosh_contract`), and changes nothing in
Whoosh.
"""

from xinwen.index import whoosh_contract  # noqa: F401  (the version check)
