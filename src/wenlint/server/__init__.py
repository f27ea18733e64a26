"""`wenlint server`: a Language Server Protocol server over standard input and output.

It needs pygls and lsprotocol, the optional extra `wenlint[lsp]`; without them the command says
so in one line and exits with status 2."""

from __future__ import annotations

from ..errors import WenlintError

MISSING = "wenlint server needs the language server extra: pip install 'wenlint[lsp]'"


def run_server(args) -> int:
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError:
        raise WenlintError(MISSING) from None
    from .server import serve

    serve()
    return 0
