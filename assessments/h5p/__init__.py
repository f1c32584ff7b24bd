"""H5P packages: reading and checking them, storing content and libraries, playing them.

There is no maintained Django H5P server; packages are checked here and played
in the browser by the npm package h5p-standalone. See docs/h5p.md.
"""
