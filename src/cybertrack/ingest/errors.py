"""The one exception every reader raises for an item it cannot use."""


class IngestError(Exception):
    """An item is unusable; the message is the one-line reason shown to the user."""
