"""The Piaojue service: app, lifecycle of votes, pages, CLI."""
