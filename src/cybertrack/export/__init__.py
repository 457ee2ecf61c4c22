"""Exports: JSON now; STIX 2.1, MISP and CSV in the exchange stage."""
