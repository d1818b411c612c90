#!/bin/sh
# The Debian packages a make target drives, installed when any is missing:
#   sh tools/system_packages.sh         what `make test` needs
#   sh tools/system_packages.sh voice   what `make voice` and `make voice-sample` need
# make test:
#   chromium       the browser tests' browser (Playwright cannot download its own here)
#   poppler-utils  pdftotext, to read the printed checklist
#   postgresql     pg_virtualenv, for the suite's second pass on a throwaway cluster
#   redis-server   two app servers sharing rate-limit counts
#   nodejs         node --test, for the front end's pure modules
#   lame           decodes the recorded cues, to measure their levels
# make voice:
#   flite          the speech engine and its voice slt (CMU's BSD-style licence)
#   sox            trims each clip to its speech, sets its level, joins the sample
#   lame           encodes the clips as MP3 (and decodes them to measure them)
# As root on Debian they are installed with apt-get; anyone else is told the one
# command that installs them, and make stops before running anything.
set -eu

purpose="${1:-test}"
missing=""
need() {
  command -v "$1" >/dev/null 2>&1 || missing="$missing $2"
}
case "$purpose" in
  test)
    need chromium chromium
    need pdftotext poppler-utils
    need pg_virtualenv postgresql
    need redis-server redis-server
    need node nodejs
    need lame lame
    ;;
  voice)
    need flite flite
    need sox sox
    need lame lame
    ;;
  *)
    echo "usage: sh tools/system_packages.sh [test|voice]" >&2
    exit 2
    ;;
esac
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages make $purpose needs:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086 # one word per package
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
  exit 0
fi
echo "make $purpose needs these Debian packages:$missing" >&2
echo "Install them with:  sudo apt-get install --no-install-recommends$missing" >&2
exit 1
