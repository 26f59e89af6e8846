"""The Textual user interface. Only this package imports textual."""

from sahelreader.tui.app import SahelReaderApp, make_app

__all__ = ["SahelReaderApp", "make_app"]
