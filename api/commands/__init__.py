"""One module per `lantern` command group; registered in api/cli.py."""
