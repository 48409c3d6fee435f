"""Page script: the job seeker page."""

from skillgap.ui import seeker

seeker.render()
