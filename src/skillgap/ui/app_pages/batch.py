"""Page script: the batch page."""

from skillgap.ui import batch_page

batch_page.render()
