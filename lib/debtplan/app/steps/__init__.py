"""The app's five steps, one module each, in order (the App wires them to one session: app/widgets.py)."""
