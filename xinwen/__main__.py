"""``python -m xinwen`` runs the command line."""

from xinwen.cli import main

raise SystemExit(main())
