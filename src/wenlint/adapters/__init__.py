"""wenlint inside the data pipelines people already run.

- `wenlint.adapters.datatrove.WenlintFilter`: a datatrove filter step (`pip install 'wenlint[datatrove]'`).
- `wenlint.adapters.data_juicer`: a Data-Juicer filter (`wenlint_filter`) and mapper
  (`wenlint_mapper`) operator (`pip install 'wenlint[data-juicer]'`).

Both judge a text as `wenlint filter` does (`wenlint.profile.verdict.Judge`): the safe fixes
first when asked, then findings at or above a severity and the error checks of quality gates.
Each module imports its library at the top: import it only where that library is installed.
"""
