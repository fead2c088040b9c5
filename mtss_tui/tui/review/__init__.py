"""`mtss review`: the read-only app for reading past meetings between them."""
