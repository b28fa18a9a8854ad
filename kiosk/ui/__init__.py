"""Everything Qt: the async bridge, list models, view-models, widgets and theme."""
