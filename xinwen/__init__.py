"""The ``xinwen`` command: one face over the index, search and web layers."""
