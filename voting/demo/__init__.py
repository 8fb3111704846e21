"""`voting demo`: a demo county congress with its townships, a fixed list, a session and last year's projects."""

from voting.demo.county import Demo, print_welcome, set_up_demo

__all__ = ["Demo", "print_welcome", "set_up_demo"]
