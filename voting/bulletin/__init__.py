"""The public bulletin board, receipt check, vote archives and the staff audit viewer.

Routes live in voting.bulletin.routes and voting.bulletin.pages; this package
imports neither, so the vote service can import the signing step without the web layer.
"""

from voting.bulletin.announce import sign_chain_head, sign_result
from voting.bulletin.export import export_archive, write_archive

__all__ = ["export_archive", "sign_chain_head", "sign_result", "write_archive"]
