"""Signed webhooks for page events: what is sent (events), how (delivery), where not (network)."""
