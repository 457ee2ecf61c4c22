"""cybertrack: a cited database of cyber incidents, built from the news."""

__version__ = "0.1.0"
USER_AGENT = f"cybertrack/{__version__} (+https://github.com/cybertrack/cybertrack; news-to-incidents research crawler)"
