"""Rules about wenlint's own markup in documents (WL)."""
