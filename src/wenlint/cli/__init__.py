"""Entry point of the `wenlint` console script.

Exit status: 0 nothing at or above the fail level, 1 findings, 2 usage, configuration or input
error (with a one-line reason on stderr, never a traceback)."""

from __future__ import annotations

import os
import sys

from ..errors import WenlintError


def error(message: str) -> None:
    sys.stderr.write(f"wenlint: error: {message}\n")


def settle_gc() -> None:
    """A run's start-up (imports, rules, tables) allocates objects that live as long as the
    process: the cyclic collector, off until the run is planned, would only traverse them again
    and again. They are moved out of its sight (gc.freeze), and from then on its young generation
    is collected every 10,000 allocations instead of 700: a run allocates many small objects per
    document and keeps few of them."""
    import gc

    gc.freeze()
    gc.set_threshold(10_000, 10, 10)
    gc.enable()


def main(argv: list[str] | None = None) -> int:
    import gc

    enabled = gc.isenabled()
    gc.disable()  # until the command is known, and for a run until it is planned (settle_gc)
    try:
        return _main(argv)
    finally:
        (gc.enable if enabled else gc.disable)()


def _main(argv: list[str] | None) -> int:
    from .parser import build_parser

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command in ("profile", "filter"):
        settle_gc()
    elif args.command != "check":  # `check` settles once its run is planned
        import gc

        gc.enable()
    try:
        if args.version:
            from ..version import __version__

            print(f"wenlint {__version__}")
            return 0
        if args.command == "check":
            from .check import run_check

            return run_check(args)
        if args.command == "profile":
            from .profile import run_profile

            return run_profile(args)
        if args.command == "filter":
            from .filter import run_filter

            return run_filter(args)
        if args.command == "rules":
            from .rules import run_rules

            return run_rules(args)
        if args.command == "explain":
            from .rules import run_explain

            return run_explain(args)
        if args.command == "server":
            from ..server import run_server

            return run_server(args)
        parser.print_help(sys.stderr)
        return 2
    except WenlintError as exc:
        error(str(exc))
        return 2
    except KeyboardInterrupt:
        error("interrupted")
        return 130
    except BrokenPipeError:
        # The reader went away (`wenlint check | head`); nothing more to say.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except Exception as exc:  # a bug: still one line, unless asked for the traceback
        if os.environ.get("WENLINT_DEBUG"):
            raise
        error(f"internal error: {type(exc).__name__}: {exc} (set WENLINT_DEBUG=1 for a traceback)")
        return 2
