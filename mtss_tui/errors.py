"""The one base of every error that is the user's to fix.

A bad file, an unknown team, a database from a newer version: each says what
is wrong and what to do, and `mtss` prints it in one line with exit code 2.
Kept in a module of its own so the command line can catch them all without
importing every layer that raises one.
"""


class UserError(Exception):
    """A request that cannot be met as given; the message says why."""
