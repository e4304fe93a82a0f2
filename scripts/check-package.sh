#!/usr/bin/env bash
# The verifier package as its users get it (packages/better-auth-jwt): the wheel built, installed in
# a clean virtualenv, its tests run against it, mypy --strict; then, in a second clean virtualenv
# that installed it from its path as the README says, the README's examples against three real
# Better Auth releases (conformance/).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
package=packages/better-auth-jwt
pins=$package/requirements-check.txt
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pip_quiet=(--quiet --disable-pip-version-check)

step "better-auth-jwt: the wheel, in a clean virtualenv, with its own tests and mypy --strict"
python3 -m venv "$work/wheel"
"$work/wheel/bin/pip" install "${pip_quiet[@]}" -r "$pins"
"$work/wheel/bin/python" -m build --wheel --outdir "$work/dist" "$package" >/dev/null
wheel=$(ls "$work"/dist/better_auth_jwt-*.whl)
"$work/wheel/bin/pip" install "${pip_quiet[@]}" --no-deps "$wheel"
# From the package's folder, whose src/ is not on the path: the tests import the installed wheel.
(cd "$package" && "$work/wheel/bin/pytest" -q -p no:cacheprovider tests)
"$work/wheel/bin/python" -c 'import better_auth_jwt, sys; sys.exit("tests ran against the sources, not the wheel" if "site-packages" not in better_auth_jwt.__file__ else 0)'
(cd "$package" && "$work/wheel/bin/mypy" --strict src/better_auth_jwt)

step "better-auth-jwt: pip install ./$package, then the README's examples against Better Auth 1.6.0, 1.7.1 and 1.7.25"
python3 -m venv "$work/path"
"$work/path/bin/pip" install "${pip_quiet[@]}" -r "$pins"
"$work/path/bin/pip" install "${pip_quiet[@]}" --no-deps "./$package"
(cd "$package/conformance" && npm ci --no-audit --no-fund --loglevel=error)
(cd "$package" && "$work/path/bin/pytest" -q -p no:cacheprovider conformance/test_matrix.py)
