"""perinatal."""
