"""The denkraam self-assessment: item bank, scoring, workshop group results, export/import files, tables."""
