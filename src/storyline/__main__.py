"""``python -m storyline`` runs the command line."""

from storyline.serve.cli import main

main()
