"""What a deputy's tablet sees, and the cast lane in front of the router."""

from voting.tablet.service import require_live_tablet, tablet_view

__all__ = ["require_live_tablet", "tablet_view"]
