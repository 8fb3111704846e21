"""Bodies (人大) in their hierarchy: city → county → township."""

from voting.bodies.models import Body, BodyCreate, BodyUpdate
from voting.bodies.service import create_body, edit_body, watched_bodies

__all__ = ["Body", "BodyCreate", "BodyUpdate", "create_body", "edit_body", "watched_bodies"]
