"""briefings: PDF and Markdown briefings from dated news articles about a conflict or crisis."""

__version__ = "0.1.0"
