from mtss_tui.cli import main

raise SystemExit(main())
