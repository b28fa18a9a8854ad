"""Platform clients behind one Protocol (``base.Backend``)."""
