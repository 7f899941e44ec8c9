"""The only part of ks_data that imports streamlit: cache wrappers, shared widgets and selection state."""
