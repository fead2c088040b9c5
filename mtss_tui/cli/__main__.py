"""`python -m mtss_tui.cli`: the same as the `mtss` command."""

import sys

from mtss_tui.cli import main

sys.exit(main())
