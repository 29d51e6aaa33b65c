"""The records repository: its layout, safe loading, round-trip edits and the loaded type.

This package is the only one that reads or writes record files. It knows nothing of the
checklist or of documents.
"""
