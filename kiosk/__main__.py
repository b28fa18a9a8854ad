"""python -m kiosk → app.main()."""

from kiosk.app import main

raise SystemExit(main())
