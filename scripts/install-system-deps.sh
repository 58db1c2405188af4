#!/usr/bin/env bash
# Installs the Debian packages zhengjian's tests and benchmarks need beyond Node.js:
#   - CJK fonts, used by the synthetic specimen generator (test/fixtures) to render invented ID cards;
#   - tesseract with its chi_sim model, only for the `bench:latency` comparison (optional at run time);
#   - PHP with curl, Python 3 with requests and a Java 17+ runtime, which run the Juhe client programs of
#     test/clients (the last two only when `python3 -c 'import requests'` / `java -version` fail: a python3 or java
#     installed otherwise, e.g. pyenv or an SDK, is used as it is).
# Safe to run again: it does nothing when everything is there. Needs root (or sudo) and Debian's package mirror.
set -euo pipefail
packages=(fonts-noto-cjk fonts-wqy-zenhei fonts-wqy-microhei fonts-arphic-ukai fonts-arphic-uming tesseract-ocr tesseract-ocr-chi-sim
  php-cli php-curl)
python3 -c 'import requests' >/dev/null 2>&1 || packages+=(python3-requests)
java -version >/dev/null 2>&1 || packages+=(default-jre-headless)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
echo "system packages: installing ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fc-cache -f >/dev/null 2>&1 || true
