"""The pages everyone reads: home, the catalogue and overviews, the player, favourites, the checklist,
lessons and settings; one module each."""
