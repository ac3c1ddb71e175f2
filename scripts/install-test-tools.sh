#!/usr/bin/env bash
# The Debian packages the report tests need, installed when missing (idempotent, quiet when all
# are present): a CJK font so Chinese chart labels render, LibreOffice Calc to check the workbook
# opens in another spreadsheet program, poppler to read the PDF it renders. Maven runs this before
# the tests, so `./mvnw -B verify` sets up a fresh Debian machine by itself.
set -u
need=()
fc-list 2>/dev/null | grep -i cjk >/dev/null || need+=(fonts-noto-cjk fontconfig)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "install-test-tools: missing ${need[*]} and cannot install them (not root, no sudo);" \
    "the report rendering tests will fail until they are installed" >&2
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-test-tools: missing ${need[*]}; install them with your package manager" >&2
  exit 0
fi
echo "install-test-tools: installing ${need[*]} (first run only)" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq >/dev/null \
  && "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
  || echo "install-test-tools: apt-get failed; the report rendering tests will say what is missing" >&2
exit 0
