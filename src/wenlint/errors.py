"""Errors that end a run with exit status 2 and a one-line message, never a traceback."""


class WenlintError(Exception):
    """Base class: the message is shown to the user as it is."""


class InputError(WenlintError):
    """A path that cannot be linted: missing, unreadable, binary, undecodable, empty, too large."""


class EmptyDocument(InputError):
    """A document with no text: nothing to lint, so no findings (not a failure)."""


class ConfigError(WenlintError):
    """A configuration file or command-line option that cannot be honoured."""


class RulePackError(WenlintError):
    """A rule pack or plugin that cannot be loaded; the message names the file and the rule."""
