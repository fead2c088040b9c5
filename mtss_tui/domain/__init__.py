"""Pure logic and records: flags, progress math, the meeting clock. No I/O here."""
