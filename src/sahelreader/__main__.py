import sys

from sahelreader.cli.main import main

sys.exit(main())
