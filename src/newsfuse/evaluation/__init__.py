"""Quality measurement on real data (../shared/eval): one module per evaluation set."""
