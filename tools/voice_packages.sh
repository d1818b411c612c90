#!/bin/sh
# The Debian packages `make voice` and `make voice-sample` drive, installed when any is missing:
#   flite  the speech engine and its voice slt (CMU's BSD-style licence)
#   sox    trims each clip to its speech, sets its level, joins the sample
#   lame   encodes the clips as MP3 and decodes them to measure what a player hears
# As root on Debian they are installed with apt-get; anyone else is told the one command
# that installs them, and make stops. No Python package is needed: flite is a Debian program.
set -eu

missing=""
for tool in flite sox lame; do
  command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages the voice needs:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086 # one word per package
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
  exit 0
fi
echo "make voice needs these Debian packages:$missing" >&2
echo "Install them with:  sudo apt-get install --no-install-recommends$missing" >&2
exit 1
