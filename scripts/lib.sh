# Shared by the scripts here (sourced, not run): how a script announces each step it takes.
step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
