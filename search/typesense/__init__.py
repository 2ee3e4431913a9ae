"""The Typesense cluster backend: ``searcher`` (the search contract over a collection),
``query`` (the query language as Typesense parameters), ``documents`` (the collection's
fields, filled by xinwen's own analysis), ``indexer`` (reindex into a new collection behind an
alias), ``client`` (failover settings) and ``cluster`` (three local nodes for development and
tests). Imported only when ``--backend typesense`` asks for it: the ``cluster`` extra installs
what it needs."""
