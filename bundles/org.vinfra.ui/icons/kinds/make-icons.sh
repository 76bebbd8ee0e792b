#!/usr/bin/env bash
# Renders the element-kind icons (16x16 PNG, committed) from the codicons the diagram's tool palette
# uses (@vscode/codicons, installed by the diagram client's `npm ci`), each in its kind's colour.
# Needs rsvg-convert (Debian package librsvg2-bin). Usage: bundles/org.vinfra.ui/icons/kinds/make-icons.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
codicons="${CODICONS:-$here/../../../org.vinfra.diagram.server/client/node_modules/@vscode/codicons}/src/icons"
# name of the PNG, codicon, colour
while read -r name codicon colour; do
  sed "s/currentColor/$colour/g" "$codicons/$codicon.svg" | rsvg-convert -w 16 -h 16 -f png -o "$here/$name.png"
done <<'TABLE'
host server #1f5fa8
vm vm #2e7d32
network type-hierarchy #d35400
container package #6a1b9a
compose layers #ad1457
image archive #6d4c41
nic plug #00838f
storage database #455a64
secret key #a67c00
workload pulse #c62828
hypervisor chip #37474f
timeline symbol-event #8e24aa
property symbol-property #546e7a
keyword symbol-keyword #7f0055
unit symbol-ruler #00695c
snippet symbol-snippet #111111
reference symbol-misc #546e7a
TABLE
