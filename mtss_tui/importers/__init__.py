"""Files from schools into the store, all or nothing."""

from mtss_tui.errors import UserError


class ImportFailed(UserError):
    """The files hold faults; nothing was written."""

    def __init__(self, faults: list[str], total: int) -> None:
        self.faults = faults
        self.total = total
        shown = "\n".join(faults)
        more = total - len(faults)
        super().__init__(shown + (f"\n... and {more} more faults" if more else ""))
