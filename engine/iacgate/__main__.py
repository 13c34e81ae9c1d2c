from iacgate.cli import main

main(prog_name="iacgate")
