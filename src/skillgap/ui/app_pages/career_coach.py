"""Page script: the career coach page."""

from skillgap.ui import coach

coach.render()
