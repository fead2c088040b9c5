"""mtss_tui: run MTSS team meetings in the terminal and keep what the team decided."""

__version__ = "0.1.0"
