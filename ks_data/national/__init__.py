"""national."""
