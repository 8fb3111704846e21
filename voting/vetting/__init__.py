"""Vetting (初定): feasibility opinions from departments, exclusion flags, research-group visit notes."""
