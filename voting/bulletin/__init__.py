"""The public bulletin board, receipt check, vote archives and the staff audit viewer.

Routes live in voting.bulletin.routes and voting.bulletin.pages; this package
imports neither, so the vote service can import the signing step without the web layer.
"""

__all__: list[str] = []
