"""Placeholder until written."""
VERSION = 0


def find_developments(doc, *args):
    return []
