"""Placeholder until written."""
VERSION = 0


def find_quotes(doc, *args):
    return []
