"""python -m kiosk → app.main(); the same, started with KIOSK_BADGE_WORKER set, is the
badge printing process (kiosk/ui/badge_worker.py): so the bundle, built from this file,
starts its badge process as a source tree does."""

import os

if os.environ.get("KIOSK_BADGE_WORKER"):
    from kiosk.ui.badge_worker import serve

    raise SystemExit(serve())

from kiosk.app import main

raise SystemExit(main())
