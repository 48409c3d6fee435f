"""Page script: the coach workspace."""

from skillgap.ui import workspace_page

workspace_page.render()
