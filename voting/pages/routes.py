"""Page routes: staff pages and the screens anyone may open."""

from voting.pages import console, screens

ROUTES: list[object] = [*console.ROUTES, *screens.ROUTES]
