"""The command line: `sahelreader COMMAND …`, the same jobs as the reader, for scripts."""

from sahelreader.cli.main import main

__all__ = ["main"]
