"""`voting demo`: a demo county congress with its townships, a fixed list, a session and last year's projects.

Entered through the app's services. Where the demo writes what no service may (last year's program,
items and reports that predate the service, rating sheets without tablets, departments' opinions
without their liaisons' logins), it uses the owning package's queries, as each module says.
"""

from voting.demo.county import Demo, print_welcome, set_up_demo

__all__ = ["Demo", "print_welcome", "set_up_demo"]
