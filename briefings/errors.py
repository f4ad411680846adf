"""Exceptions whose message is meant for the user, one line each."""


class BriefingsError(Exception):
    """Base class: the CLI prints the message and exits non-zero."""


class ConfigError(BriefingsError):
    """The configuration is invalid; the message lists every problem."""


class PipelineMissing(BriefingsError):
    """The configured spaCy pipeline is not installed."""


class InputError(BriefingsError):
    """An input file or URL could not be read."""


class StoreError(BriefingsError):
    """The SQLite store cannot be opened, read or written (not a store, damaged, read-only, disk full)."""
