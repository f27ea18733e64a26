"""A progress bar on stderr for long runs (only on a terminal, only past a few files)."""

from __future__ import annotations

MIN_FILES = 20


class _RichProgress:
    def __init__(self) -> None:
        self._progress = None
        self._task = None

    def start(self, total: int) -> None:
        if total < MIN_FILES:
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._progress = Progress(
            TextColumn("检查中"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._progress.start()
        self._task = self._progress.add_task("lint", total=total)

    def advance(self, path: str) -> None:
        if self._progress is not None:
            self._progress.advance(self._task)

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()


def progress_for(enabled: bool):
    return _RichProgress() if enabled else None
