"""`wenlint profile`: one row of measures per document, and quality gates over those rows.

- `metrics`: what is measured on one document while it is linted (pure Python, picklable, so it
  runs in pool workers and on Dask workers), and the row it becomes after the corpus phase.
- `schema`: the profile table's columns and its pandera schema.
- `gates`: TOML files of thresholds on profile columns (`checks/`), compiled to pandera schemas.
- `output`: Parquet, CSV and JSON files; `report`: the rich table and the gate report.

pandas and pandera are imported only by `schema`, `gates` and `output`, and only when called.
"""
