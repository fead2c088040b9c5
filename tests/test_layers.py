"""The domain and the store never load Textual: batch jobs stay light."""

import subprocess
import sys


def test_domain_and_store_load_no_textual():
    code = (
        "import sys\n"
        "import mtss_tui.domain.flags, mtss_tui.domain.clock, mtss_tui.domain.card\n"
        "import mtss_tui.store, mtss_tui.store.queries, mtss_tui.store.audit\n"
        "import mtss_tui.services.school, mtss_tui.services.meeting\n"
        "ui = ('textual', 'plotext')\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ui]\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
