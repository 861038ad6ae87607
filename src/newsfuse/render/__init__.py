"""The render stage: JSON (the stable contract other tools read), Markdown for terminals, HTML pages."""
