"""What reports are written from: the report model (`model.py`), below the engine, so that the
engine produces it and reports read it without knowing how a run is made."""
