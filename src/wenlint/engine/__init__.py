"""The engine: selection, running rules, suppression, fixes, baselines, whole runs."""
