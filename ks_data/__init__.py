"""Kansrijke Start dashboard: data, statistics, geography and storage, testable without Streamlit."""
