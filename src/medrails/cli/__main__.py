from medrails.cli import main

main()
