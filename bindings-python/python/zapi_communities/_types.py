"""Plain-data argument types. Their precise shapes (TypedDicts) are in ``_types.pyi``; at run
time they are plain dicts, which keeps ``typing`` (about 15 ms) out of the import."""

GroupMention = dict
"""A group mentioned in a message: ``{"group_id": "…-group", "subject": "…"}``."""
